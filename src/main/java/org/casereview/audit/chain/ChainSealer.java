package org.casereview.audit.chain;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.casereview.crypto.AuditSigner;

/**
 * Seals one batch of unsealed entries: gives each its chain position and link, and signs a
 * checkpoint when one is due. Plain JDBC on a connection it is lent, so that the benchmark runs the
 * very same code as the scheduled {@link Sealer}.
 *
 * <p>Only the instance holding the leader lock (transaction-scoped advisory lock) seals; others
 * return {@link Outcome#NOT_LEADER}. It only ever INSERTs.
 */
public final class ChainSealer {

  /** Advisory lock key that elects the one sealer among all service instances. */
  public static final long LEADER_LOCK = 0x4d44_5441_5544_0002L;

  /**
   * How far before the chain head's time an unsealed entry can have been stamped. An entry draws
   * its number and its time in the same statement, so a few microseconds would do; an hour keeps
   * partition pruning and costs nothing.
   */
  private static final String CLOCK_SLACK = "1 hour";

  public enum Outcome {
    /** This instance led; {@link Result#sealed()} entries were sealed (possibly zero). */
    SEALED,
    /** Another instance holds the leader lock. */
    NOT_LEADER
  }

  /**
   * @param caughtUp true when every entry numbered before this call began is now sealed; false when
   *     the batch was full or transactions in progress kept the horizon from moving
   */
  public record Result(
      Outcome outcome, int sealed, long headPosition, boolean checkpointed, boolean caughtUp) {}

  private final AuditSigner signer;
  private final int batchSize;
  private final Duration checkpointEvery;
  private final Duration horizonWait;
  private final ChainHasher hasher = new ChainHasher();

  /**
   * @param horizonWait how long one call waits for the transactions in progress at its horizon to
   *     end before giving up until the next call
   */
  public ChainSealer(
      AuditSigner signer, int batchSize, Duration checkpointEvery, Duration horizonWait) {
    this.signer = signer;
    this.batchSize = batchSize;
    this.checkpointEvery = checkpointEvery;
    this.horizonWait = horizonWait;
  }

  /**
   * Seals up to one batch in one transaction on {@code c} (which must not be in a transaction
   * already; autocommit is restored afterwards). Checkpoints when the interval has passed, or
   * whenever the head moved past the last checkpoint if {@code forceCheckpoint}.
   */
  public synchronized Result sealOnce(Connection c, boolean forceCheckpoint) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      Result r = sealInTransaction(c, forceCheckpoint);
      if (r.outcome() == Outcome.SEALED) {
        c.commit();
      } else {
        c.rollback();
      }
      return r;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private Result sealInTransaction(Connection c, boolean forceCheckpoint) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_try_advisory_xact_lock(" + LEADER_LOCK + ")")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        return new Result(Outcome.NOT_LEADER, 0, -1, false, false);
      }
    }
    long headPosition = 0;
    long headSeq = 0;
    byte[] headHash = ChainHasher.GENESIS;
    Long headRecordedAtMicros = null;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT position, entry_seq, chain_hash,"
                    + " (EXTRACT(EPOCH FROM recorded_at) * 1000000)::bigint"
                    + " FROM audit_chain_link ORDER BY position DESC LIMIT 1")) {
      if (rs.next()) {
        headPosition = rs.getLong(1);
        headSeq = rs.getLong(2);
        headHash = rs.getBytes(3);
        headRecordedAtMicros = rs.getLong(4);
      }
    }
    long horizon = horizon(c);
    int sealed = 0;
    boolean caughtUp = horizon >= 0;
    if (horizon > headSeq) {
      sealed = sealBatch(c, headPosition, headSeq, headHash, headRecordedAtMicros, horizon);
      caughtUp = sealed < batchSize;
    }
    long newHeadPosition = headPosition + sealed;
    boolean checkpointed = checkpointIfDue(c, newHeadPosition, forceCheckpoint);
    return new Result(Outcome.SEALED, sealed, newHeadPosition, checkpointed, caughtUp);
  }

  /**
   * The highest entry number at or below which every entry is final (committed or rolled back), or
   * -1 if transactions in progress did not end within the wait. Writers get their transaction id
   * before they draw a number (AuditEntryWriter), so: read how far the sequence has gone, then take
   * the list of transactions in progress; any transaction that drew a number up to that point is
   * either finished or on the list. Wait for the list to empty.
   */
  private long horizon(Connection c) throws SQLException {
    long drawn;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM audit_entry_seq")) {
      rs.next();
      drawn = rs.getLong(1);
    }
    Object[] inProgress;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT coalesce(array_agg(x::text), '{}')"
                    + " FROM pg_snapshot_xip(pg_current_snapshot()) AS x")) {
      rs.next();
      inProgress = (Object[]) rs.getArray(1).getArray();
    }
    if (inProgress.length == 0) {
      return drawn;
    }
    long deadline = System.nanoTime() + horizonWait.toNanos();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM unnest(?::xid8[]) AS x"
                + " WHERE pg_xact_status(x) = 'in progress'")) {
      ps.setArray(1, c.createArrayOf("text", inProgress));
      while (true) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getLong(1) == 0) {
            return drawn;
          }
        }
        if (System.nanoTime() > deadline) {
          return -1;
        }
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return -1;
        }
      }
    }
  }

  private int sealBatch(
      Connection c,
      long headPosition,
      long headSeq,
      byte[] headHash,
      Long headRecordedAtMicros,
      long horizon)
      throws SQLException {
    List<Long> positions = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    List<byte[]> hashes = new ArrayList<>();
    String timeBound =
        headRecordedAtMicros == null
            ? ""
            : " AND e.recorded_at >= timestamptz 'epoch' + ? * interval '1 microsecond' - interval '"
                + CLOCK_SLACK
                + "'";
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT e.entry_seq, e.entry_id::text,"
                + " (EXTRACT(EPOCH FROM e.recorded_at) * 1000000)::bigint, e.entry_digest"
                + " FROM audit_entry e WHERE e.entry_seq > ? AND e.entry_seq <= ?"
                + timeBound
                + " ORDER BY e.entry_seq LIMIT ?")) {
      int i = 1;
      ps.setLong(i++, headSeq);
      ps.setLong(i++, horizon);
      if (headRecordedAtMicros != null) {
        ps.setLong(i++, headRecordedAtMicros);
      }
      ps.setInt(i, batchSize);
      try (ResultSet rs = ps.executeQuery()) {
        long position = headPosition;
        byte[] previous = headHash;
        while (rs.next()) {
          long seq = rs.getLong(1);
          String entryId = rs.getString(2);
          long recordedAt = rs.getLong(3);
          position++;
          previous = hasher.link(previous, position, seq, recordedAt, rs.getBytes(4));
          positions.add(position);
          seqs.add(seq);
          ids.add(entryId);
          times.add(recordedAt);
          hashes.add(previous);
        }
      }
    }
    if (positions.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_chain_link (position, entry_seq, entry_id, recorded_at, chain_hash)"
                + " SELECT p, s, i::uuid, timestamptz 'epoch' + t * interval '1 microsecond', h"
                + " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::bytea[])"
                + " AS x(p, s, i, t, h)")) {
      Array p = c.createArrayOf("bigint", positions.toArray());
      Array s = c.createArrayOf("bigint", seqs.toArray());
      Array i = c.createArrayOf("text", ids.toArray());
      Array t = c.createArrayOf("bigint", times.toArray());
      Array h = c.createArrayOf("bytea", hashes.toArray(new byte[0][]));
      ps.setArray(1, p);
      ps.setArray(2, s);
      ps.setArray(3, i);
      ps.setArray(4, t);
      ps.setArray(5, h);
      ps.executeUpdate();
    }
    return positions.size();
  }

  private boolean checkpointIfDue(Connection c, long headPosition, boolean force)
      throws SQLException {
    if (headPosition == 0) {
      return false;
    }
    long lastPosition = 0;
    long lastSignedMicros = Long.MIN_VALUE;
    long nowMicros;
    byte[] headHash;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT position FROM audit_checkpoint ORDER BY position DESC LIMIT 1),"
                    + " (SELECT (EXTRACT(EPOCH FROM signed_at) * 1000000)::bigint"
                    + "    FROM audit_checkpoint ORDER BY position DESC LIMIT 1),"
                    + " (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::bigint,"
                    + " (SELECT chain_hash FROM audit_chain_link ORDER BY position DESC LIMIT 1)")) {
      rs.next();
      lastPosition = rs.getLong(1);
      if (!rs.wasNull()) {
        lastSignedMicros = rs.getLong(2);
      }
      nowMicros = rs.getLong(3);
      headHash = rs.getBytes(4);
    }
    if (headPosition <= lastPosition) {
      return false;
    }
    boolean due =
        force
            || lastSignedMicros == Long.MIN_VALUE
            || nowMicros - lastSignedMicros >= checkpointEvery.toNanos() / 1000;
    if (!due) {
      return false;
    }
    String keyId = signer.keyId();
    byte[] signature =
        signer.sign(ChainHasher.checkpointMessage(headPosition, headHash, nowMicros, keyId));
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_checkpoint (position, chain_head, signed_at, key_id, signature)"
                + " VALUES (?, ?, timestamptz 'epoch' + ? * interval '1 microsecond', ?, ?)")) {
      ps.setLong(1, headPosition);
      ps.setBytes(2, headHash);
      ps.setLong(3, nowMicros);
      ps.setString(4, keyId);
      ps.setBytes(5, signature);
      ps.executeUpdate();
    }
    return true;
  }

  /**
   * Age in milliseconds of the oldest committed entry not yet sealed (0 when all are sealed): the
   * sealing lag. Any instance may ask.
   */
  public static long sealingLagMillis(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (EXTRACT(EPOCH FROM clock_timestamp() - e.recorded_at) * 1000)::bigint"
                    + " FROM audit_entry e WHERE e.entry_seq >"
                    + " (SELECT coalesce(max(entry_seq), 0) FROM audit_chain_link)"
                    + " ORDER BY e.entry_seq LIMIT 1")) {
      return rs.next() ? Math.max(0, rs.getLong(1)) : 0;
    }
  }
}
