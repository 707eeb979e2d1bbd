package org.casereview.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Test resources that every {@code @QuarkusTest} gets: a real PostgreSQL. */
@QuarkusTestResource(PostgresResource.class)
public final class TestResources {
  private TestResources() {}
}
