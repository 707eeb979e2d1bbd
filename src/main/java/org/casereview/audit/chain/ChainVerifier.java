package org.casereview.audit.chain;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import org.casereview.crypto.SignatureVerifier;

/**
 * Recomputes the chain over a range of positions from the stored entries and compares it with the
 * stored links and the signed checkpoints. Reads three ordered cursors (links by position, entries
 * by number, checkpoints by position) side by side, in constant memory. Plain JDBC, so the
 * benchmark measures the service's own code.
 *
 * <p>Trust: the stored link before {@code from} is taken as the starting hash; the signed
 * checkpoints inside the range are what a rewrite of entries and links together cannot forge.
 */
public final class ChainVerifier {

  private static final int FETCH_SIZE = 5000;

  private final SignatureVerifier signatures;
  private final String keyId;
  private final byte[] publicKeyX509;
  private final ChainHasher hasher = new ChainHasher();

  /** Checkpoints must be signed by the key {@code keyId} whose public key is given. */
  public ChainVerifier(SignatureVerifier signatures, String keyId, byte[] publicKeyX509) {
    this.signatures = signatures;
    this.keyId = keyId;
    this.publicKeyX509 = publicKeyX509.clone();
  }

  /**
   * Verifies positions {@code from..to} (to = null: up to the head). Runs in one read-only
   * transaction on {@code c} so that the three cursors see one snapshot.
   */
  public VerificationReport verify(Connection c, long from, Long to) throws SQLException {
    if (from < 1 || (to != null && to < from)) {
      throw new IllegalArgumentException("range must satisfy 1 <= from <= to");
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (var s = c.createStatement()) {
      s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      return run(c, from, to);
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
  }

  private VerificationReport run(Connection c, long from, Long toOrNull) throws SQLException {
    long head = scalarLong(c, "SELECT coalesce(max(position), 0) FROM audit_chain_link", null);
    long lastCheckpoint =
        scalarLong(c, "SELECT coalesce(max(position), 0) FROM audit_checkpoint", null);
    long to = toOrNull == null ? Math.max(head, lastCheckpoint) : toOrNull;
    byte[] previous = ChainHasher.GENESIS;
    long previousSeq = 0;
    if (from > 1) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT chain_hash, entry_seq FROM audit_chain_link WHERE position = ?")) {
        ps.setLong(1, from - 1);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return broken(from, to, 0, 0, from - 1, BreakKind.MISSING, "chain link missing");
          }
          previous = rs.getBytes(1);
          previousSeq = rs.getLong(2);
        }
      }
    }
    long maxSeq =
        scalarLong(
            c,
            "SELECT coalesce(max(entry_seq), 0) FROM audit_chain_link"
                + " WHERE position BETWEEN "
                + from
                + " AND ?",
            to);

    try (PreparedStatement linksPs =
            c.prepareStatement(
                "SELECT position, entry_seq, entry_id::text, chain_hash FROM audit_chain_link"
                    + " WHERE position BETWEEN ? AND ? ORDER BY position");
        PreparedStatement entriesPs =
            c.prepareStatement(
                "SELECT "
                    + LogEntry.COLUMNS
                    + " FROM audit_entry e WHERE e.entry_seq > ? AND e.entry_seq <= ?"
                    + " ORDER BY e.entry_seq");
        PreparedStatement checkpointsPs =
            c.prepareStatement(
                "SELECT position, chain_head, (EXTRACT(EPOCH FROM signed_at) * 1000000)::bigint,"
                    + " key_id, signature FROM audit_checkpoint"
                    + " WHERE position BETWEEN ? AND ? ORDER BY position")) {
      linksPs.setFetchSize(FETCH_SIZE);
      linksPs.setLong(1, from);
      linksPs.setLong(2, to);
      entriesPs.setFetchSize(FETCH_SIZE);
      entriesPs.setLong(1, previousSeq);
      entriesPs.setLong(2, maxSeq);
      checkpointsPs.setFetchSize(FETCH_SIZE);
      checkpointsPs.setLong(1, from);
      checkpointsPs.setLong(2, to);
      try (ResultSet links = linksPs.executeQuery();
          ResultSet entries = entriesPs.executeQuery();
          ResultSet checkpoints = checkpointsPs.executeQuery()) {
        long expected = from;
        long verified = 0;
        long checkpointsOk = 0;
        LogEntry entry = entries.next() ? LogEntry.read(entries, 1) : null;
        boolean hasCheckpoint = checkpoints.next();
        while (links.next()) {
          long position = links.getLong(1);
          long seq = links.getLong(2);
          String entryId = links.getString(3);
          byte[] storedHash = links.getBytes(4);
          if (position != expected) {
            return broken(
                from,
                to,
                verified,
                checkpointsOk,
                expected,
                BreakKind.MISSING,
                "chain link missing");
          }
          if (seq <= previousSeq) {
            return broken(
                from,
                to,
                verified,
                checkpointsOk,
                position,
                BreakKind.REORDERED,
                "link out of sealing order");
          }
          if (entry != null && entry.seq() < seq) {
            boolean sealedLater = linkedAfter(c, entry.seq(), position);
            return broken(
                from,
                to,
                verified,
                checkpointsOk,
                position,
                sealedLater ? BreakKind.REORDERED : BreakKind.INSERTED,
                sealedLater
                    ? "entry sealed at a later position"
                    : "entry inside the sealed range was never sealed");
          }
          if (entry == null || entry.seq() > seq) {
            return broken(
                from,
                to,
                verified,
                checkpointsOk,
                position,
                BreakKind.MISSING,
                "sealed entry missing");
          }
          if (!entry.entryId().equals(entryId)) {
            return broken(
                from,
                to,
                verified,
                checkpointsOk,
                position,
                BreakKind.REORDERED,
                "a different entry stands where this one was sealed");
          }
          byte[] computed = hasher.link(previous, position, entry);
          if (!MessageDigest.isEqual(computed, storedHash)) {
            return broken(
                from,
                to,
                verified,
                checkpointsOk,
                position,
                BreakKind.MODIFIED,
                "entry or link differs from what was sealed");
          }
          verified++;
          while (hasCheckpoint && checkpoints.getLong(1) <= position) {
            long cpPosition = checkpoints.getLong(1);
            if (cpPosition < position) {
              // Checkpoints sit on link positions; one without its link means links went missing.
              return broken(
                  from,
                  to,
                  verified,
                  checkpointsOk,
                  cpPosition,
                  BreakKind.MISSING,
                  "checkpoint without its chain link");
            }
            String problem = checkCheckpoint(checkpoints, computed);
            if (problem != null) {
              BreakKind kind =
                  problem.startsWith("signature") || problem.startsWith("key")
                      ? BreakKind.BAD_SIGNATURE
                      : BreakKind.MODIFIED;
              return broken(from, to, verified, checkpointsOk, cpPosition, kind, problem);
            }
            checkpointsOk++;
            hasCheckpoint = checkpoints.next();
          }
          previous = computed;
          previousSeq = seq;
          entry = entries.next() ? LogEntry.read(entries, 1) : null;
          expected++;
        }
        if (hasCheckpoint) {
          return broken(
              from,
              to,
              verified,
              checkpointsOk,
              checkpoints.getLong(1),
              BreakKind.MISSING,
              "checkpoint beyond the last chain link");
        }
        if (entry != null) {
          return broken(
              from,
              to,
              verified,
              checkpointsOk,
              expected,
              BreakKind.INSERTED,
              "entry inside the sealed range was never sealed");
        }
        long last = expected - 1;
        return new VerificationReport(
            from,
            Math.max(from, last),
            verified,
            checkpointsOk,
            verified == 0 ? null : HexFormat.of().formatHex(previous),
            true,
            null);
      }
    }
  }

  /** Null if the checkpoint at the cursor verifies against {@code head}, else the problem. */
  private String checkCheckpoint(ResultSet cp, byte[] head) throws SQLException {
    long position = cp.getLong(1);
    byte[] signedHead = cp.getBytes(2);
    long signedAt = cp.getLong(3);
    String cpKeyId = cp.getString(4);
    byte[] signature = cp.getBytes(5);
    if (!keyId.equals(cpKeyId)) {
      return "key unknown to this service";
    }
    byte[] message = ChainHasher.checkpointMessage(position, signedHead, signedAt, cpKeyId);
    if (!signatures.verify(publicKeyX509, message, signature)) {
      return "signature does not verify";
    }
    if (!MessageDigest.isEqual(signedHead, head)) {
      return "chain differs from the signed checkpoint";
    }
    return null;
  }

  private static boolean linkedAfter(Connection c, long seq, long position) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT position FROM audit_chain_link WHERE entry_seq = ?")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getLong(1) > position;
      }
    }
  }

  private static long scalarLong(Connection c, String sql, Long parameter) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (parameter != null) {
        ps.setLong(1, parameter);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static VerificationReport broken(
      long from,
      long to,
      long verified,
      long checkpoints,
      long position,
      BreakKind kind,
      String detail) {
    return new VerificationReport(
        from,
        to,
        verified,
        checkpoints,
        null,
        false,
        new VerificationReport.Break(position, kind, detail));
  }
}
