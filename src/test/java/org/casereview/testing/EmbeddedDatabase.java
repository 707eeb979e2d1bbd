package org.casereview.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL server (zonky embedded binaries) provisioned the way production is: a database
 * owned by the migration role, and an application role that only gets what the migrations grant it.
 * Used by the tests and by the run command.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String DATABASE = "mdt";
  public static final String OWNER_ROLE = "mdt_owner";
  public static final String APP_ROLE = "mdt_app";

  private final EmbeddedPostgres postgres;
  private final String ownerPassword;
  private final String appPassword;

  private EmbeddedDatabase(EmbeddedPostgres postgres, String ownerPassword, String appPassword) {
    this.postgres = postgres;
    this.ownerPassword = ownerPassword;
    this.appPassword = appPassword;
  }

  /** A throw-away server in a temporary directory, fsync off: for tests only. */
  public static EmbeddedDatabase startEphemeral() {
    return start(null, 0, false, "owner-test-password", "app-test-password");
  }

  /**
   * Starts (or restarts) a server. With a data directory the data survives restarts; a server left
   * running by a killed JVM is stopped first, from its postmaster.pid.
   */
  public static EmbeddedDatabase start(
      Path dataDirectory, int port, boolean fsync, String ownerPassword, String appPassword) {
    try {
      PostgresBinaries.removeHalfUnpacked();
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (dataDirectory != null) {
        Files.createDirectories(dataDirectory);
        OrphanedPostgres.stopIfRunning(dataDirectory);
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      if (port > 0) {
        builder.setPort(port);
      }
      String durability = fsync ? "on" : "off";
      builder
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("fsync", durability)
          .setServerConfig("synchronous_commit", durability)
          .setServerConfig("full_page_writes", durability)
          .setServerConfig("max_connections", "200");
      EmbeddedDatabase db = new EmbeddedDatabase(builder.start(), ownerPassword, appPassword);
      db.provision();
      return db;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("embedded PostgreSQL did not start", e);
    }
  }

  private void provision() throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      ensureRole(s, OWNER_ROLE, ownerPassword);
      ensureRole(s, APP_ROLE, appPassword);
      try (ResultSet rs =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (!rs.next()) {
          s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE);
        }
      }
      s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
      s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP_ROLE);
    }
  }

  private static void ensureRole(Statement s, String role, String password) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
      if (!rs.next()) {
        s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
        return;
      }
    }
    s.execute("ALTER ROLE " + role + " PASSWORD '" + password + "'");
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
  }

  /**
   * Migrates the database as production's migration role does (the service's Flyway migrations),
   * for tests and benchmarks that run without Quarkus.
   */
  public EmbeddedDatabase migrate() {
    Flyway.configure()
        .dataSource(jdbcUrl(), OWNER_ROLE, ownerPassword)
        .placeholders(Map.of("app_role", APP_ROLE))
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return this;
  }

  /** A connection as the application role, which has only what the migrations grant it. */
  public Connection appConnection() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), APP_ROLE, appPassword);
  }

  /** The application role's password, for a client outside this JVM (pgbench). */
  public String appPassword() {
    return appPassword;
  }

  /** A connection as the superuser, for tests that must act as a curious administrator. */
  public Connection superuserConnection() throws SQLException {
    return postgres.getDatabase("postgres", DATABASE).getConnection();
  }

  /** The Quarkus configuration that points the service at this server. */
  public Map<String, String> quarkusConfig() {
    return Map.of(
        "quarkus.datasource.jdbc.url", jdbcUrl(),
        "quarkus.datasource.username", APP_ROLE,
        "quarkus.datasource.password", appPassword,
        "quarkus.flyway.username", OWNER_ROLE,
        "quarkus.flyway.password", ownerPassword);
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
