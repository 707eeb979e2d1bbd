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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stored digest's length is not checked on the append path (V5_5). An entry whose digest is not
 * 32 bytes, which only someone with the service role's INSERT could write, must neither stop the
 * sealer nor pass verification. Its own database: the chain it leaves is broken for good.
 */
class MalformedDigestTest {

  private static EmbeddedDatabase db;

  @BeforeAll
  static void start() {
    db = EmbeddedDatabase.startEphemeral().migrate();
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
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

      ChainSealer.Result r =
          new ChainSealer(signer, 100, Duration.ofSeconds(10), Duration.ofMillis(200))
              .sealOnce(c, true);
      assertEquals(5, r.sealed(), "the sealer went past it");
      assertTrue(r.caughtUp());
      assertTrue(r.checkpointed());
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_chain_link")) {
        rs.next();
        assertEquals(5, rs.getLong(1));
      }

      ChainVerifier verifier =
          new ChainVerifier(JdkEd25519.verifier(), signer.keyId(), signer.publicKeyX509());
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
}
