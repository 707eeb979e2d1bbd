package org.casereview.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Test resources that every {@code @QuarkusTest} gets: a real PostgreSQL and token signing. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(TestTokens.class)
public final class TestResources {
  private TestResources() {}
}
