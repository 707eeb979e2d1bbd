package org.casereview.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.casereview.audit.AuditEntryWriter;
import org.casereview.audit.AuditEvent;
import org.casereview.audit.AuditEventType;
import org.casereview.audit.AuditField;
import org.casereview.policy.DataCategory;
import org.casereview.policy.Purpose;
import org.casereview.testing.EmbeddedDatabase;

/** An embedded PostgreSQL migrated like production, for the audit benchmarks (no CDI). */
final class AuditBenchDatabase implements AutoCloseable {

  /**
   * The JDBC driver logs through java.util.logging; whatever logging configuration the test
   * classpath brings, keep the driver at INFO so that neither side of a benchmark pays for FINE
   * logging (held here: java.util.logging keeps loggers only weakly).
   */
  private static final Logger DRIVER_LOG = Logger.getLogger("org.postgresql");

  static {
    DRIVER_LOG.setLevel(Level.INFO);
  }

  final EmbeddedDatabase db;

  /**
   * Durable, as the service runs its embedded database ({@code DevStack}: fsync, synchronous commit
   * and full-page writes on), in a temporary directory removed afterwards; {@code
   * -Dbench.durable=false} for the tests' settings instead, with all three off.
   */
  static final boolean DURABLE = Boolean.parseBoolean(System.getProperty("bench.durable", "true"));

  AuditBenchDatabase() {
    EmbeddedDatabase server =
        DURABLE
            ? EmbeddedDatabase.start(null, 0, true, "owner-bench-password", "app-bench-password")
            : EmbeddedDatabase.startEphemeral();
    db = server.migrate();
  }

  Connection app() throws SQLException {
    return db.appConnection();
  }

  /** The baseline: a table of the same columns, no partitioning, keys, indexes or triggers. */
  void createPlainTable() throws SQLException {
    try (Connection c = db.superuserConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE plain_entry (entry_seq bigint, entry_id uuid, recorded_at timestamptz"
              + " DEFAULT clock_timestamp(), event_code varchar(8), refusal boolean,"
              + " request_id varchar(128), member_id uuid, agency_id uuid, roles text,"
              + " purpose varchar(32), subject_id uuid, case_id uuid, record_id uuid,"
              + " break_glass boolean, break_glass_grant_id uuid, policy_pack_version varchar(128),"
              + " fields text, details text, entry_digest bytea)");
      s.execute("CREATE SEQUENCE plain_entry_seq");
      s.execute("GRANT INSERT, SELECT ON plain_entry TO " + EmbeddedDatabase.APP_ROLE);
      s.execute("GRANT USAGE ON SEQUENCE plain_entry_seq TO " + EmbeddedDatabase.APP_ROLE);
    }
  }

  /** Plain single-row INSERT of the same values as AuditEntryWriter binds. */
  static final String PLAIN_INSERT =
      "INSERT INTO plain_entry (entry_seq, entry_id, event_code, refusal, request_id, member_id,"
          + " agency_id, roles, purpose, subject_id, case_id, record_id, break_glass,"
          + " break_glass_grant_id, policy_pack_version, fields, details, entry_digest)"
          + " VALUES (nextval('plain_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  static final byte[] NO_DIGEST = new byte[32];

  /** The baseline computes no digest: it pays only for serialising and inserting the row. */
  static void plainInsert(PreparedStatement ps, AuditEvent e) throws SQLException {
    AuditEntryWriter.bind(ps, AuditEntryWriter.content(UUID.randomUUID(), e), NO_DIGEST);
    ps.executeUpdate();
  }

  /** A typical disclosure: five fields released or withheld, ids only. */
  static AuditEvent typicalDisclosure() {
    UUID holder = UUID.randomUUID();
    return AuditEvent.builder(AuditEventType.DISCLOSURE)
        .requestId("req-" + UUID.randomUUID())
        .actor(UUID.randomUUID(), UUID.randomUUID())
        .roles(Set.of("mdt-member"))
        .purpose(Purpose.CASE_REVIEW)
        .subjectId(UUID.randomUUID())
        .caseId(UUID.randomUUID())
        .recordId(UUID.randomUUID())
        .policyPackVersion("default-2026.1")
        .field(
            AuditField.released(
                "exam.date",
                DataCategory.HEALTH,
                "HEALTH-512B",
                "45 CFR 164.512(b)(1)(ii)",
                null,
                "CHILD_ABUSE_REPORT",
                holder,
                Set.of()))
        .field(
            AuditField.released(
                "exam.findings",
                DataCategory.HEALTH,
                "HEALTH-512B",
                "45 CFR 164.512(b)(1)(ii)",
                null,
                "CHILD_ABUSE_REPORT",
                holder,
                Set.of()))
        .field(
            AuditField.released(
                "case.status",
                DataCategory.COORDINATION,
                "MOU-COORD",
                null,
                null,
                null,
                holder,
                Set.of()))
        .field(
            AuditField.withheld(
                "therapy.notes",
                DataCategory.PSYCHOTHERAPY_NOTES,
                "PSYTHPN-AUTHOR-ONLY",
                "45 CFR 164.508(a)(2)",
                holder))
        .field(
            AuditField.withheld(
                "sud.treatment",
                DataCategory.SUBSTANCE_USE,
                "PART2-CONSENT",
                "42 CFR 2.31",
                holder))
        .build();
  }

  @Override
  public void close() throws Exception {
    db.close();
  }
}
