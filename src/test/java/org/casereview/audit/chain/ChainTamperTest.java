package org.casereview.audit.chain;

import static org.casereview.audit.AuditTestSupport.execute;
import static org.casereview.audit.AuditTestSupport.positionOf;
import static org.casereview.audit.AuditTestSupport.recordDisclosures;
import static org.casereview.audit.AuditTestSupport.sealEverything;
import static org.casereview.audit.AuditTestSupport.superuser;
import static org.casereview.audit.AuditTestSupport.tamperer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.casereview.audit.AuditLog;
import org.casereview.audit.AuditTestSupport;
import org.casereview.crypto.AuditSigner;
import org.casereview.crypto.SignatureVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database superuser with triggers switched off rewrites history in each of the ways an insider
 * might; verification finds each, at the right position and for the right reason. Each test undoes
 * its tampering so the shared chain stays intact for the others.
 */
@QuarkusTest
class ChainTamperTest {

  @Inject AuditLog log;
  @Inject Sealer sealer;
  @Inject ChainVerification verification;
  @Inject AgroalDataSource dataSource;
  @Inject AuditSigner signer;
  @Inject SignatureVerifier signatures;

  private List<UUID> ids;
  private long first;
  private long last;

  @BeforeEach
  void fiveSealedEntriesUnderACheckpoint() throws Exception {
    ids = recordDisclosures(log, UUID.randomUUID(), 5);
    sealEverything(sealer);
    first = positionOf(ids.get(0));
    last = positionOf(ids.get(4));
  }

  private VerificationReport verifyMine() throws Exception {
    VerificationReport report = verification.verify(first, last);
    // The verifier reads in chunks; with chunks of one and two links, every break above falls on,
    // or next to, a chunk boundary, and the report must not change.
    for (int chunk : new int[] {1, 2}) {
      try (Connection c = dataSource.getConnection()) {
        assertEquals(
            report,
            new ChainVerifier(signatures, signer.keyId(), signer.publicKeyX509(), chunk)
                .verify(c, first, last),
            "chunks of " + chunk);
      }
    }
    // Split in two halves verified at once, the break in the lower half, on the boundary or in
    // the upper half depending on the test: the same report as one pass.
    for (int chunk : new int[] {1, 10}) {
      try (Connection c = dataSource.getConnection();
          Connection helper = dataSource.getConnection()) {
        assertEquals(
            report,
            new ChainVerifier(signatures, signer.keyId(), signer.publicKeyX509(), chunk, 1)
                .verify(c, helper, first, last),
            "halves, chunks of " + chunk);
      }
    }
    return report;
  }

  private void assertBroken(VerificationReport r, long position, BreakKind kind) {
    assertFalse(r.intact(), "tampering went unnoticed");
    assertEquals(kind, r.firstBreak().kind(), r.firstBreak().detail());
    assertEquals(position, r.firstBreak().position());
  }

  @Test
  void untouchedChain_verifiesWithItsCheckpoint() throws Exception {
    VerificationReport r = verifyMine();
    assertTrue(r.intact());
    assertNull(r.firstBreak());
    assertEquals(5, r.entriesVerified());
    assertTrue(r.checkpointsVerified() >= 1);
    assertTrue(verification.verify(1, null).intact(), "the whole chain verifies");
  }

  @Test
  void modifiedEntry_isDetectedAtItsPosition() throws Exception {
    UUID target = ids.get(2);
    try (Connection c = tamperer()) {
      execute(c, "UPDATE audit_entry SET purpose = 'AUDIT' WHERE entry_id = ?", target);
      try {
        assertBroken(verifyMine(), positionOf(target), BreakKind.MODIFIED);
      } finally {
        execute(c, "UPDATE audit_entry SET purpose = 'CASE_REVIEW' WHERE entry_id = ?", target);
      }
    }
    assertTrue(verifyMine().intact(), "restored");
  }

  @Test
  void modifiedFieldList_isDetected_evenIfOnlyOneByteChanged() throws Exception {
    UUID target = ids.get(1);
    try (Connection c = tamperer()) {
      execute(
          c,
          "UPDATE audit_entry SET fields = replace(fields, 'WITHHELD', 'RELEASED') WHERE entry_id = ?",
          target);
      try {
        assertBroken(verifyMine(), positionOf(target), BreakKind.MODIFIED);
      } finally {
        execute(
            c,
            "UPDATE audit_entry SET fields = replace(fields, '\"therapy.notes\",\"category\":\"PSYCHOTHERAPY_NOTES\",\"outcome\":\"RELEASED\"', '\"therapy.notes\",\"category\":\"PSYCHOTHERAPY_NOTES\",\"outcome\":\"WITHHELD\"') WHERE entry_id = ?",
            target);
      }
    }
    assertTrue(verifyMine().intact(), "restored");
  }

  @Test
  void deletedEntry_isDetectedAsMissing() throws Exception {
    UUID target = ids.get(3);
    long position = positionOf(target);
    try (Connection c = tamperer();
        Statement s = c.createStatement()) {
      execute(c, "CREATE TEMP TABLE saved AS SELECT * FROM audit_entry WHERE entry_id = ?", target);
      execute(c, "DELETE FROM audit_entry WHERE entry_id = ?", target);
      try {
        assertBroken(verifyMine(), position, BreakKind.MISSING);
      } finally {
        s.execute("INSERT INTO audit_entry SELECT * FROM saved");
      }
    }
    assertTrue(verifyMine().intact(), "restored");
  }

  @Test
  void deletedChainLink_isDetectedAsMissing() throws Exception {
    long position = positionOf(ids.get(2));
    try (Connection c = tamperer();
        Statement s = c.createStatement()) {
      execute(
          c,
          "CREATE TEMP TABLE saved AS SELECT * FROM audit_chain_link WHERE position = ?",
          position);
      execute(c, "DELETE FROM audit_chain_link WHERE position = ?", position);
      try {
        assertBroken(verifyMine(), position, BreakKind.MISSING);
      } finally {
        s.execute("INSERT INTO audit_chain_link SELECT * FROM saved");
      }
    }
    assertTrue(verifyMine().intact(), "restored");
  }

  @Test
  void deletedFilterKey_isDetectedAsMissing() throws Exception {
    // Without the youth's key for the block that holds the third entry, exports and accountings
    // by youth would pass over it. The break is the first of the youth's entries in that block.
    long position = positionOf(ids.get(2));
    long block = AuditKeys.block(position);
    long expected = Long.MAX_VALUE;
    for (UUID id : ids) {
      long p = positionOf(id);
      if (AuditKeys.block(p) == block) {
        expected = Math.min(expected, p);
      }
    }
    String youth;
    try (Connection c = tamperer();
        Statement s = c.createStatement()) {
      var rs =
          s.executeQuery(
              "SELECT subject_id::text FROM audit_entry WHERE entry_id = '" + ids.get(2) + "'");
      rs.next();
      youth = rs.getString(1);
      String where =
          " WHERE kind = "
              + AuditKeys.Kind.SUBJECT.code
              + " AND key = '"
              + youth
              + "' AND block = "
              + block;
      s.execute("CREATE TEMP TABLE saved AS SELECT * FROM audit_key_block" + where);
      assertEquals(1, s.executeUpdate("DELETE FROM audit_key_block" + where));
      try {
        assertBroken(verifyMine(), expected, BreakKind.MISSING);
      } finally {
        s.execute("INSERT INTO audit_key_block SELECT * FROM saved");
      }
    }
    assertTrue(verifyMine().intact(), "restored");
  }

  @Test
  void changedLinkTime_isDetectedAsModified() throws Exception {
    // The link's copy of the entry's time is what keyed reads join on: moved, it would hide the
    // entry from them.
    long position = positionOf(ids.get(1));
    try (Connection c = tamperer()) {
      String move =
          "UPDATE audit_chain_link SET recorded_at = recorded_at %s interval '1 second'"
              + " WHERE position = ?";
      execute(c, move.formatted("+"), position);
      try {
        assertBroken(verifyMine(), position, BreakKind.MODIFIED);
      } finally {
        execute(c, move.formatted("-"), position);
      }
    }
    assertTrue(verifyMine().intact(), "restored");
  }

  @Test
  void entryInsertedIntoTheSealedRange_isDetected() throws Exception {
    // A number is burnt between two real entries, the way a forger would need one.
    long burnt;
    try (Connection c = superuser();
        Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT nextval('audit_entry_seq')");
      rs.next();
      burnt = rs.getLong(1);
    }
    UUID after =
        QuarkusTransaction.requiringNew()
            .call(() -> log.record(AuditTestSupport.disclosure(UUID.randomUUID())));
    sealEverything(sealer);
    long afterPosition = positionOf(after);
    UUID forged = UUID.randomUUID();
    try (Connection c = tamperer()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO audit_entry SELECT ?, ?::uuid, recorded_at, event_code, refusal,"
                  + " request_id, member_id, agency_id, roles, purpose, subject_id, case_id,"
                  + " record_id, break_glass, break_glass_grant_id, policy_pack_version, fields,"
                  + " details, entry_digest FROM audit_entry WHERE entry_id = ?")) {
        ps.setLong(1, burnt);
        ps.setString(2, forged.toString());
        ps.setObject(3, after);
        assertEquals(1, ps.executeUpdate());
      }
      try {
        assertBroken(verification.verify(first, afterPosition), afterPosition, BreakKind.INSERTED);
      } finally {
        execute(c, "DELETE FROM audit_entry WHERE entry_id = ?", forged);
      }
    }
    assertTrue(verification.verify(first, afterPosition).intact(), "restored");
  }

  @Test
  void swappedChainPositions_areDetectedAsReordered() throws Exception {
    long a = positionOf(ids.get(1));
    long b = positionOf(ids.get(2));
    assertEquals(a + 1, b);
    try (Connection c = tamperer()) {
      swap(c, a, b);
      try {
        assertBroken(verifyMine(), a, BreakKind.REORDERED);
      } finally {
        swap(c, a, b);
      }
    }
    assertTrue(verifyMine().intact(), "restored");
  }

  @Test
  void swappedEntryNumbers_areDetectedAsReordered() throws Exception {
    UUID x = ids.get(1);
    UUID y = ids.get(2);
    try (Connection c = tamperer()) {
      swapSeq(c, x, y);
      try {
        assertBroken(verifyMine(), positionOf(x), BreakKind.REORDERED);
      } finally {
        swapSeq(c, x, y);
      }
    }
    assertTrue(verifyMine().intact(), "restored");
  }

  @Test
  void forgedCheckpointSignature_isDetected() throws Exception {
    try (Connection c = tamperer()) {
      execute(
          c,
          "UPDATE audit_checkpoint SET signature = set_byte(signature, 0, get_byte(signature, 0) # 1)"
              + " WHERE position = ?",
          last);
      try {
        assertBroken(verifyMine(), last, BreakKind.BAD_SIGNATURE);
      } finally {
        execute(
            c,
            "UPDATE audit_checkpoint SET signature = set_byte(signature, 0, get_byte(signature, 0) # 1)"
                + " WHERE position = ?",
            last);
      }
    }
    assertTrue(verifyMine().intact(), "restored");
  }

  @Test
  void entryRewrittenWithAllLaterLinksRecomputed_isCaughtByTheSignedCheckpoint() throws Exception {
    UUID target = ids.get(1);
    long position = positionOf(target);
    try (Connection c = tamperer();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TEMP TABLE saved AS SELECT * FROM audit_chain_link WHERE position >= "
              + position
              + " AND position <= "
              + last);
      execute(c, "UPDATE audit_entry SET purpose = 'AUDIT' WHERE entry_id = ?", target);
      relink(c, position, last);
      try {
        assertBroken(verifyMine(), last, BreakKind.MODIFIED);
      } finally {
        execute(c, "UPDATE audit_entry SET purpose = 'CASE_REVIEW' WHERE entry_id = ?", target);
        s.execute(
            "UPDATE audit_chain_link l SET chain_hash = saved.chain_hash FROM saved"
                + " WHERE saved.position = l.position");
      }
    }
    assertTrue(verifyMine().intact(), "restored");
  }

  /** What a careful forger does: recompute every link hash after the rewritten entry. */
  private static void relink(Connection c, long from, long to) throws Exception {
    ChainHasher hasher = new ChainHasher();
    byte[] previous;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT chain_hash FROM audit_chain_link WHERE position = ?")) {
      ps.setLong(1, from - 1);
      ResultSet rs = ps.executeQuery();
      previous = rs.next() ? rs.getBytes(1) : ChainHasher.GENESIS;
    }
    for (long p = from; p <= to; p++) {
      LogEntry e;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT "
                  + LogEntry.COLUMNS
                  + " FROM audit_entry e JOIN audit_chain_link l"
                  + " ON l.entry_seq = e.entry_seq WHERE l.position = ?")) {
        ps.setLong(1, p);
        ResultSet rs = ps.executeQuery();
        rs.next();
        e = LogEntry.read(rs, 1);
      }
      previous = hasher.link(previous, p, e);
      execute(c, "UPDATE audit_chain_link SET chain_hash = ? WHERE position = ?", previous, p);
    }
  }

  private static void swap(Connection c, long a, long b) throws Exception {
    execute(c, "UPDATE audit_chain_link SET position = 999999999999 WHERE position = ?", a);
    execute(c, "UPDATE audit_chain_link SET position = ? WHERE position = ?", a, b);
    execute(c, "UPDATE audit_chain_link SET position = ? WHERE position = 999999999999", b);
  }

  private static void swapSeq(Connection c, UUID x, UUID y) throws Exception {
    long sx = seqOf(c, x);
    long sy = seqOf(c, y);
    execute(c, "UPDATE audit_entry SET entry_seq = ? WHERE entry_id = ?", sy, x);
    execute(c, "UPDATE audit_entry SET entry_seq = ? WHERE entry_id = ?", sx, y);
  }

  private static long seqOf(Connection c, UUID id) throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT entry_seq FROM audit_entry WHERE entry_id = ?")) {
      ps.setObject(1, id);
      ResultSet rs = ps.executeQuery();
      rs.next();
      return rs.getLong(1);
    }
  }
}
