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
import java.util.UUID;
import org.casereview.testing.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {

  @Inject AuditLog auditLog;

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
    QuarkusTransaction.requiringNew()
        .run(() -> auditLog.record(AuditTestSupport.disclosure(subject)));
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
                      auditLog.record(AuditTestSupport.disclosure(subject));
                      throw new IllegalStateException("response failed");
                    }));
    assertEquals(0, entriesFor(subject));
  }

  @Test
  void record_outsideATransaction_isRefused_soNoReadCanSkipItsEntry() throws Exception {
    UUID subject = UUID.randomUUID();
    assertThrows(
        TransactionalException.class, () -> auditLog.record(AuditTestSupport.disclosure(subject)));
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
                      auditLog.recordRefusal(AuditTestSupport.refusal(subject));
                      throw new IllegalStateException("request failed after the refusal");
                    }));
    assertEquals(1, entriesFor(subject));
  }

  @Test
  void recordRefusal_rejectsADisclosure() {
    assertThrows(
        IllegalArgumentException.class,
        () -> auditLog.recordRefusal(AuditTestSupport.disclosure(UUID.randomUUID())));
  }
}
