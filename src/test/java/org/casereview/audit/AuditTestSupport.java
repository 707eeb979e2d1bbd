package org.casereview.audit;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.casereview.audit.chain.ChainSealer;
import org.casereview.audit.chain.Sealer;
import org.casereview.policy.DataCategory;
import org.casereview.policy.Purpose;
import org.casereview.testing.EmbeddedDatabase;
import org.casereview.testing.PostgresResource;

/** Shared moves of the audit tests: write entries, seal them, find their positions, tamper. */
public final class AuditTestSupport {

  private AuditTestSupport() {}

  public static AuditEvent disclosure(UUID subjectId) {
    return AuditEvent.builder(AuditEventType.DISCLOSURE)
        .requestId("req-" + UUID.randomUUID())
        .actor(UUID.randomUUID(), UUID.randomUUID())
        .roles(Set.of("mdt-member"))
        .purpose(Purpose.CASE_REVIEW)
        .subjectId(subjectId)
        .caseId(UUID.randomUUID())
        .recordId(UUID.randomUUID())
        .policyPackVersion("default-1")
        .field(
            AuditField.released(
                "exam.findings",
                DataCategory.HEALTH,
                "HEALTH-512B",
                "45 CFR 164.512(b)(1)(ii)",
                null,
                "CHILD_ABUSE_REPORT",
                UUID.randomUUID(),
                Set.of()))
        .field(
            AuditField.withheld(
                "therapy.notes",
                DataCategory.PSYCHOTHERAPY_NOTES,
                "PSYTHPN-AUTHOR-ONLY",
                "45 CFR 164.508(a)(2)",
                UUID.randomUUID()))
        .build();
  }

  public static AuditEvent refusal(UUID subjectId) {
    return AuditEvent.builder(AuditEventType.REFUSAL)
        .requestId("req-" + UUID.randomUUID())
        .actor(UUID.randomUUID(), UUID.randomUUID())
        .roles(Set.of("mdt-member"))
        .purpose(Purpose.INVESTIGATION)
        .subjectId(subjectId)
        .reason("NO_ACTIVE_MOU")
        .build();
  }

  /** Records disclosures for one subject in separate transactions; returns their entry ids. */
  public static List<UUID> recordDisclosures(AuditLog log, UUID subject, int count) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(QuarkusTransaction.requiringNew().call(() -> log.record(disclosure(subject))));
    }
    return ids;
  }

  /** Seals everything committed and makes sure a checkpoint covers the head. */
  public static void sealEverything(Sealer sealer) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              ChainSealer.Result r = sealer.sealPending(true);
              return r.outcome() == ChainSealer.Outcome.SEALED
                  && r.caughtUp()
                  && lastCheckpointPosition() == r.headPosition();
            });
  }

  public static long lastCheckpointPosition() throws SQLException {
    try (Connection c = superuser();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(max(position), 0) FROM audit_checkpoint")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public static long positionOf(UUID entryId) throws SQLException {
    try (Connection c = superuser();
        PreparedStatement ps =
            c.prepareStatement("SELECT position FROM audit_chain_link WHERE entry_id = ?")) {
      ps.setObject(1, entryId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("entry not sealed");
        }
        return rs.getLong(1);
      }
    }
  }

  public static Connection superuser() throws SQLException {
    return PostgresResource.database().superuserConnection();
  }

  /** A superuser session with triggers off: the curious DBA who wants to rewrite history. */
  public static Connection tamperer() throws SQLException {
    Connection c = superuser();
    try (Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
    }
    return c;
  }

  public static Connection owner() throws SQLException {
    return DriverManager.getConnection(
        PostgresResource.database().jdbcUrl(), EmbeddedDatabase.OWNER_ROLE, "owner-test-password");
  }

  public static Connection app() throws SQLException {
    return DriverManager.getConnection(
        PostgresResource.database().jdbcUrl(), EmbeddedDatabase.APP_ROLE, "app-test-password");
  }

  public static int execute(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    }
  }
}
