package org.casereview.audit.chain;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.casereview.audit.AuditEntryWriter;
import org.casereview.audit.AuditLog;
import org.casereview.audit.AuditTestSupport;
import org.casereview.crypto.AuditSigner;
import org.junit.jupiter.api.Test;

/**
 * Many writers at once, while the scheduled sealer runs: every committed entry ends up sealed
 * exactly once, no rolled-back one does, and the chain verifies.
 */
@QuarkusTest
class ConcurrentSealingTest {

  @Inject AuditLog log;
  @Inject Sealer sealer;
  @Inject ChainVerification verification;
  @Inject AuditSigner signer;

  @Test
  void concurrentWriters_everyCommittedEntrySealedOnce_noRolledBackOne() throws Exception {
    UUID subject = UUID.randomUUID();
    long headBefore = AuditTestSupport.lastCheckpointPosition();
    int writers = 16;
    int perWriter = 25;
    AtomicInteger committed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      futures.add(
          pool.submit(
              () -> {
                for (int i = 0; i < perWriter; i++) {
                  boolean rollBack = i % 5 == 4;
                  try {
                    QuarkusTransaction.requiringNew()
                        .run(
                            () -> {
                              log.record(AuditTestSupport.disclosure(subject));
                              if (rollBack) {
                                throw new IllegalStateException("the read failed");
                              }
                            });
                    committed.incrementAndGet();
                  } catch (IllegalStateException expected) {
                    // rolled back with its entry
                  }
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    AuditTestSupport.sealEverything(sealer);

    assertEquals(writers * perWriter * 4 / 5, committed.get());
    try (Connection c = AuditTestSupport.superuser();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*), count(l.position), count(DISTINCT l.position)"
                    + " FROM audit_entry e LEFT JOIN audit_chain_link l ON l.entry_seq = e.entry_seq"
                    + " WHERE e.subject_id = ?")) {
      ps.setObject(1, subject);
      ResultSet rs = ps.executeQuery();
      rs.next();
      assertEquals(committed.get(), rs.getLong(1), "one entry per committed read");
      assertEquals(committed.get(), rs.getLong(2), "every one sealed");
      assertEquals(committed.get(), rs.getLong(3), "each at its own position");
    }
    assertEquals(0, sealer.lagMillis(), "nothing left unsealed");
    VerificationReport report = verification.verify(Math.max(1, headBefore), null);
    assertTrue(report.intact(), () -> String.valueOf(report.firstBreak()));
  }

  @Test
  void theWriter_hasItsTransactionIdBeforeItDrawsANumber() throws Exception {
    // The seal horizon relies on it (AuditEntryWriter): a writer that has drawn a number is among
    // the transactions in progress. Seen from outside: the writer's statement, pointed at a
    // sequence that is used up, fails when it draws; by then its transaction must have an id.
    // (Without the CASE the id comes only with the row, after the number: none would be there.)
    try (Connection c = AuditTestSupport.superuser()) {
      AuditTestSupport.execute(c, "DROP SEQUENCE IF EXISTS used_up_seq");
      AuditTestSupport.execute(c, "CREATE SEQUENCE used_up_seq MINVALUE 0 MAXVALUE 1 START 1");
      try (Statement s = c.createStatement()) {
        s.execute("SELECT nextval('used_up_seq')"); // the only number it has
      }
      c.setAutoCommit(false);
      try {
        Savepoint before = c.setSavepoint();
        String sql = AuditEntryWriter.insertSql().replace("audit_entry_seq", "used_up_seq");
        assertTrue(sql.contains("used_up_seq"));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          AuditEntryWriter.bind(
              ps,
              AuditEntryWriter.content(
                  UUID.randomUUID(), AuditTestSupport.disclosure(UUID.randomUUID())),
              new byte[32]);
          SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
          assertEquals("2200H", e.getSQLState(), "the sequence refused to draw");
        }
        c.rollback(before);
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT pg_current_xact_id_if_assigned() IS NOT NULL")) {
          rs.next();
          assertTrue(rs.getBoolean(1), "the transaction had its id before the number was drawn");
        }
      } finally {
        c.rollback();
        c.setAutoCommit(true);
        AuditTestSupport.execute(c, "DROP SEQUENCE used_up_seq");
      }
    }
  }

  @Test
  void aLargeBatchReadOnTwoConnections_isSealedInNumberOrder_withItsKeys() throws Exception {
    // Holding the leader lock in this session keeps the background sealer out; a sealer on the
    // same session still leads (the lock is the session's). 8 writers, every fifth entry rolled
    // back: 1,200 numbers with gaps, on interleaved pages, read in two halves at once.
    UUID subject = UUID.randomUUID();
    long headBefore = AuditTestSupport.lastCheckpointPosition();
    AuditEntryWriter writer = new AuditEntryWriter();
    int committed = 0;
    try (Connection lead = AuditTestSupport.superuser();
        Connection reader = AuditTestSupport.app()) {
      lead.createStatement().execute("SELECT pg_advisory_lock(" + ChainSealer.LEADER_LOCK + ")");
      try {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
          futures.add(
              pool.submit(
                  () -> {
                    int mine = 0;
                    try (Connection c = AuditTestSupport.app()) {
                      c.setAutoCommit(false);
                      for (int i = 0; i < 150; i++) {
                        writer.append(c, AuditTestSupport.disclosure(subject));
                        if (i % 5 == 4) {
                          c.rollback();
                        } else {
                          c.commit();
                          mine++;
                        }
                      }
                    }
                    return mine;
                  }));
        }
        for (Future<Integer> f : futures) {
          committed += f.get();
        }
        pool.shutdown();
        ChainSealer direct =
            new ChainSealer(signer, 5000, Duration.ofSeconds(10), Duration.ofSeconds(5));
        ChainSealer.Result r = direct.sealOnce(lead, reader, true);
        assertEquals(ChainSealer.Outcome.SEALED, r.outcome());
        assertTrue(r.caughtUp());
        assertTrue(r.sealed() >= committed, "sealed " + r.sealed());
      } finally {
        lead.createStatement()
            .execute("SELECT pg_advisory_unlock(" + ChainSealer.LEADER_LOCK + ")");
      }
    }
    assertEquals(960, committed);
    try (Connection c = AuditTestSupport.superuser();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*), count(l.position),"
                    + " count(*) FILTER (WHERE n.entry_seq <= l.entry_seq)"
                    + " FROM audit_entry e JOIN audit_chain_link l ON l.entry_seq = e.entry_seq"
                    + " LEFT JOIN audit_chain_link n ON n.position = l.position + 1"
                    + " WHERE e.subject_id = ?")) {
      ps.setObject(1, subject);
      ResultSet rs = ps.executeQuery();
      rs.next();
      assertEquals(committed, rs.getLong(1), "every committed entry sealed once");
      assertEquals(0, rs.getLong(3), "positions follow the entry numbers");
    }
    VerificationReport report = verification.verify(Math.max(1, headBefore), null);
    assertTrue(report.intact(), () -> String.valueOf(report.firstBreak()));
  }

  @Test
  void backgroundSealer_sealsWithoutBeingAsked() {
    UUID entry = AuditTestSupport.recordDisclosures(log, UUID.randomUUID(), 1).get(0);
    // Nobody calls the sealer here: its own thread, every mdt.audit.seal-every, seals the entry.
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .ignoreException(AssertionError.class)
        .until(() -> AuditTestSupport.positionOf(entry) > 0);
  }

  @Test
  @TestSecurity(user = "b0000000-0000-4000-8000-000000000011", roles = "auditor")
  @OidcSecurity(
      claims = {
        @Claim(key = "sub", value = "b0000000-0000-4000-8000-000000000011"),
        @Claim(key = "agency_id", value = "a0000000-0000-4000-8000-000000000001")
      })
  void verifyEndpoint_reportsAnIntactChain() {
    AuditTestSupport.recordDisclosures(log, UUID.randomUUID(), 2);
    AuditTestSupport.sealEverything(sealer);
    given()
        .get("/api/v1/audit/verify")
        .then()
        .statusCode(200)
        .body("intact", equalTo(true))
        .body("chainHead", notNullValue());
    given()
        .post("/api/v1/audit/verify?from=1&to=2")
        .then()
        .statusCode(200)
        .body("intact", equalTo(true))
        .body("to", equalTo(2));
    given().get("/api/v1/audit/verify?from=0").then().statusCode(400);
    given().get("/api/v1/audit/verify?from=5&to=2").then().statusCode(400);
  }

  @Test
  @TestSecurity(user = "b0000000-0000-4000-8000-000000000006", roles = "mdt-member")
  @OidcSecurity(
      claims = {
        @Claim(key = "sub", value = "b0000000-0000-4000-8000-000000000006"),
        @Claim(key = "agency_id", value = "a0000000-0000-4000-8000-000000000006")
      })
  void verifyEndpoint_isForAuditorsOnly() {
    given().get("/api/v1/audit/verify").then().statusCode(403);
  }

  @Test
  void publicKey_isPublishedAsJsonAndPem() {
    given()
        .get("/api/v1/audit/public-key")
        .then()
        .statusCode(200)
        .body("algorithm", equalTo("Ed25519"))
        .body("keyId", notNullValue());
    String pem =
        given().get("/api/v1/audit/public-key/pem").then().statusCode(200).extract().asString();
    assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----"));
  }

  @Test
  void sealingLag_isAMetric() {
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("mdt_audit_sealing_lag_seconds"));
  }
}
