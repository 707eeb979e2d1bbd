package org.casereview.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts one embedded PostgreSQL per test JVM and points Quarkus at it. Registered for every
 * {@code @QuarkusTest} by {@link TestResources}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

  private static EmbeddedDatabase database;

  /** The shared server; started on first use and stopped when the JVM exits. */
  public static synchronized EmbeddedDatabase database() {
    if (database == null) {
      database = EmbeddedDatabase.startEphemeral();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      database.close();
                    } catch (Exception ignored) {
                      // the JVM is exiting
                    }
                  }));
    }
    return database;
  }

  @Override
  public Map<String, String> start() {
    return database().quarkusConfig();
  }

  @Override
  public void stop() {
    // shared across test classes; stopped by the shutdown hook
  }
}
