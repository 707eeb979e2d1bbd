package org.casereview.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.casereview.audit.AuditEntryWriter;
import org.casereview.audit.AuditTestSupport;
import org.casereview.audit.JdkEd25519;
import org.casereview.crypto.AuditSigner;
import org.casereview.testing.EmbeddedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Since V5_5 the table no longer checks the stored digest's length nor the uniqueness of entry
 * numbers (both cost the writers more than they guard). An entry that breaks either, which only
 * someone with the service role's INSERT could write, must neither stop the sealer nor pass
 * verification. A database of its own for each test: the chain each leaves is broken for good.
 */
class UncheckedEntryTest {

  private EmbeddedDatabase db;

  @BeforeEach
  void start() {
    db = EmbeddedDatabase.startEphemeral().migrate();
  }

  @AfterEach
  void stop() throws Exception {
    if (db != null) {
      db.close();
    }
  }

  private static ChainSealer sealer(AuditSigner signer) {
    return new ChainSealer(signer, 100, Duration.ofSeconds(10), Duration.ofMillis(200));
  }

  private static ChainVerifier verifier(AuditSigner signer) {
    return new ChainVerifier(JdkEd25519.verifier(), signer.keyId(), signer.publicKeyX509());
  }

  private static long count(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void entryWithAShortDigest_isSealedInItsPlace_andVerificationReportsIt() throws Exception {
    AuditSigner signer = JdkEd25519.newSigner();
    AuditEntryWriter writer = new AuditEntryWriter();
    try (Connection c = db.appConnection()) {
      writer.append(c, AuditTestSupport.disclosure(UUID.randomUUID()));
      writer.append(c, AuditTestSupport.disclosure(UUID.randomUUID()));
      try (PreparedStatement ps = c.prepareStatement(AuditEntryWriter.insertSql())) {
        AuditEntryWriter.bind(
            ps,
            AuditEntryWriter.content(
                UUID.randomUUID(), AuditTestSupport.disclosure(UUID.randomUUID())),
            new byte[3]);
        assertEquals(1, ps.executeUpdate(), "nothing in the table refuses it");
      }
      writer.append(c, AuditTestSupport.disclosure(UUID.randomUUID()));
      writer.append(c, AuditTestSupport.disclosure(UUID.randomUUID()));

      ChainSealer.Result r = sealer(signer).sealOnce(c, true);
      assertEquals(5, r.sealed(), "the sealer went past it");
      assertTrue(r.caughtUp());
      assertTrue(r.checkpointed());
      assertEquals(5, count(c, "SELECT count(*) FROM audit_chain_link"));

      ChainVerifier verifier = verifier(signer);
      VerificationReport whole = verifier.verify(c, 1, null);
      assertFalse(whole.intact(), "the malformed entry verified");
      assertEquals(3, whole.firstBreak().position());
      assertEquals(BreakKind.MODIFIED, whole.firstBreak().kind());
      assertEquals(2, whole.entriesVerified());
      VerificationReport after = verifier.verify(c, 4, null);
      assertTrue(after.intact(), "the entries sealed after it verify, with the checkpoint");
      assertEquals(2, after.entriesVerified());
      assertEquals(1, after.checkpointsVerified());
    }
  }

  @Test
  void secondEntryUnderANumber_isNotSealed_andVerificationReportsIt() throws Exception {
    AuditSigner signer = JdkEd25519.newSigner();
    AuditEntryWriter writer = new AuditEntryWriter();
    try (Connection c = db.appConnection()) {
      writer.append(c, AuditTestSupport.disclosure(UUID.randomUUID()));
      writer.append(c, AuditTestSupport.disclosure(UUID.randomUUID()));
      try (Statement s = c.createStatement()) {
        assertEquals(
            1,
            s.executeUpdate(
                "INSERT INTO audit_entry (entry_seq, entry_id, event_code, refusal, roles,"
                    + " break_glass, fields, details, entry_digest)"
                    + " SELECT entry_seq, gen_random_uuid(), event_code, refusal, roles,"
                    + " break_glass, fields, details, entry_digest FROM audit_entry"
                    + " WHERE entry_seq = 2"),
            "nothing in the table refuses it");
      }
      writer.append(c, AuditTestSupport.disclosure(UUID.randomUUID()));
      writer.append(c, AuditTestSupport.disclosure(UUID.randomUUID()));

      ChainSealer.Result r = sealer(signer).sealOnce(c, true);
      assertEquals(4, r.sealed(), "one entry per number");
      assertTrue(r.caughtUp(), "the sealer went past it");
      assertEquals(4, count(c, "SELECT count(*) FROM audit_chain_link"));
      assertEquals(4, count(c, "SELECT max(entry_seq) FROM audit_chain_link"));
      assertEquals(0, ChainSealer.sealingLagMillis(c), "nothing left to seal");

      ChainVerifier verifier = verifier(signer);
      VerificationReport whole = verifier.verify(c, 1, null);
      assertFalse(whole.intact(), "the second entry under number 2 went unnoticed");
      assertEquals(BreakKind.INSERTED, whole.firstBreak().kind(), whole.firstBreak().detail());
      assertEquals(3, whole.firstBreak().position(), "found before the next sealed entry");
      assertTrue(verifier.verify(c, 3, null).intact(), "what was sealed after it verifies");
    }
  }
}
