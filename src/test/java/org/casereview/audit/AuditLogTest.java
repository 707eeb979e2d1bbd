package org.casereview.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.UUID;
import org.casereview.policy.DataCategory;
import org.casereview.policy.Purpose;
import org.casereview.testing.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {

  @Inject AuditLog auditLog;

  static AuditEvent disclosure(UUID subjectId) {
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

  static AuditEvent refusal(UUID subjectId) {
    return AuditEvent.builder(AuditEventType.REFUSAL)
        .requestId("req-" + UUID.randomUUID())
        .actor(UUID.randomUUID(), UUID.randomUUID())
        .roles(Set.of("mdt-member"))
        .purpose(Purpose.INVESTIGATION)
        .subjectId(subjectId)
        .reason("NO_ACTIVE_MOU")
        .build();
  }

  static long entriesFor(UUID subjectId) throws Exception {
    try (Connection c = PostgresResource.database().superuserConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM audit_entry WHERE subject_id = ?")) {
      ps.setObject(1, subjectId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void disclosure_isWrittenInTheCallersTransaction() throws Exception {
    UUID subject = UUID.randomUUID();
    QuarkusTransaction.requiringNew().run(() -> auditLog.record(disclosure(subject)));
    assertEquals(1, entriesFor(subject));
  }

  @Test
  void disclosure_isErasedWithTheReadWhenTheReadRollsBack() throws Exception {
    UUID subject = UUID.randomUUID();
    assertThrows(
        IllegalStateException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      auditLog.record(disclosure(subject));
                      throw new IllegalStateException("response failed");
                    }));
    assertEquals(0, entriesFor(subject));
  }

  @Test
  void record_outsideATransaction_isRefused_soNoReadCanSkipItsEntry() throws Exception {
    UUID subject = UUID.randomUUID();
    assertThrows(TransactionalException.class, () -> auditLog.record(disclosure(subject)));
    assertEquals(0, entriesFor(subject));
  }

  @Test
  void refusal_survivesTheRollbackOfTheRequestThatWasRefused() throws Exception {
    UUID subject = UUID.randomUUID();
    assertThrows(
        IllegalStateException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      auditLog.recordRefusal(refusal(subject));
                      throw new IllegalStateException("request failed after the refusal");
                    }));
    assertEquals(1, entriesFor(subject));
  }

  @Test
  void recordRefusal_rejectsADisclosure() {
    assertThrows(
        IllegalArgumentException.class,
        () -> auditLog.recordRefusal(disclosure(UUID.randomUUID())));
  }
}
