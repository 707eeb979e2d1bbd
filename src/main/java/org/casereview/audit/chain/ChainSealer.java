package org.casereview.audit.chain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.casereview.crypto.AuditSigner;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Seals one batch of unsealed entries: gives each its chain position and link, records the batch's
 * filter keys ({@link AuditKeys}), and signs a checkpoint when one is due. Plain JDBC on a
 * connection it is lent, so that the benchmark runs the very same code as the scheduled {@link
 * Sealer}.
 *
 * <p>Only the instance holding the leader lock (transaction-scoped advisory lock) seals; others
 * return {@link Outcome#NOT_LEADER}. It only ever INSERTs.
 */
public final class ChainSealer {

  /** Advisory lock key that elects the one sealer among all service instances. */
  public static final long LEADER_LOCK = 0x4d44_5441_5544_0002L;

  /**
   * How far out of chain order entries' times can run: an entry's time can be at most this much
   * before that of an entry sealed ahead of it. An entry draws its number and its time in the same
   * statement, so a few microseconds would do; an hour keeps partition pruning and costs nothing.
   * The sealer's batch reads and the exporter's time bounds ({@code AuditExporter}) rely on it.
   */
  public static final Duration CLOCK_SLACK = Duration.ofHours(1);

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
  public Result sealOnce(Connection c, boolean forceCheckpoint) throws SQLException {
    return sealOnce(c, null, forceCheckpoint);
  }

  /**
   * The same, reading the upper half of a large batch on {@code reader} at the same time (null: all
   * on {@code c}). The read is most of a round's work, done by the database backend and this thread
   * in turn; two connections halve its time on a machine with cores to spare, and under load give
   * the sealer two of the scheduler's shares instead of one. {@code reader} only reads, each time
   * in a transaction of its own that it ends.
   */
  public synchronized Result sealOnce(Connection c, Connection reader, boolean forceCheckpoint)
      throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      Result r = sealInTransaction(c, reader, forceCheckpoint);
      if (r.outcome() == Outcome.SEALED) {
        c.commit();
      } else {
        c.rollback();
      }
      return r;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      lastCheckpointSeenNanos = 0; // a checkpoint of this transaction is gone: ask again
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private Result sealInTransaction(Connection c, Connection reader, boolean forceCheckpoint)
      throws SQLException {
    // One round trip (audit_seal_start, V5_3): leadership, then the chain head as this leader sees
    // it, then how far the entry numbers have gone, then the transactions in progress and the wait
    // for them to end, each in its own later statement. Under load every round trip waits to be
    // scheduled among the writers, so round trips are most of the sealing lag.
    long headPosition = 0;
    long headSeq = 0;
    byte[] headHash = ChainHasher.GENESIS;
    Long headRecordedAtMicros = null;
    long horizon;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT leader, head_position, head_seq, head_hash,"
                + " (EXTRACT(EPOCH FROM head_recorded_at) * 1000000)::bigint, horizon,"
                // The batch is then read in heap order through COPY (sealBatch): a bitmap scan.
                + HEAP_ORDER_PLANS
                + " FROM audit_seal_start(?, ?)")) {
      ps.setLong(1, LEADER_LOCK);
      ps.setInt(2, (int) Math.min(Integer.MAX_VALUE, horizonWait.toMillis()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return new Result(Outcome.NOT_LEADER, 0, -1, false, false);
        }
        long position = rs.getLong(2);
        if (!rs.wasNull()) {
          headPosition = position;
          headSeq = rs.getLong(3);
          headHash = rs.getBytes(4);
          headRecordedAtMicros = rs.getLong(5);
        }
        // The highest entry number at or below which every entry is final (committed or rolled
        // back), or -1 if transactions in progress did not end within the wait.
        horizon = rs.getLong(6);
      }
    }
    int sealed = 0;
    boolean caughtUp = horizon >= 0;
    byte[] newHeadHash = headHash;
    if (horizon > headSeq) {
      Batch batch =
          sealBatch(c, reader, headPosition, headSeq, headHash, headRecordedAtMicros, horizon);
      sealed = batch.sealed();
      newHeadHash = batch.headHash();
      caughtUp = batch.reachedHorizon();
    }
    long newHeadPosition = headPosition + sealed;
    boolean checkpointed = checkpointIfDue(c, newHeadPosition, newHeadHash, forceCheckpoint);
    return new Result(Outcome.SEALED, sealed, newHeadPosition, checkpointed, caughtUp);
  }

  /** What a batch sealed; {@code reachedHorizon}: it went up to the horizon, not a full batch. */
  private record Batch(int sealed, byte[] headHash, boolean reachedHorizon) {}

  private Batch sealBatch(
      Connection c,
      Connection reader,
      long headPosition,
      long headSeq,
      byte[] headHash,
      Long headRecordedAtMicros,
      long horizon)
      throws SQLException {
    // The batch is the next batchSize entry numbers (fewer entries where numbers were skipped),
    // read through binary COPY in the heap's order, not the numbers': 32 writers fill different
    // pages at once, so consecutive numbers lie on different pages, and a bitmap heap scan visits
    // each page once where a walk of the primary key visits one per entry. The rows are then put
    // in number order here (a counting sort: the numbers are distinct and within the batch). Then
    // its links go in through binary COPY and its filter keys (a row for each key of each block,
    // not of each entry) in one INSERT: three round trips, no per-row statement. COPY takes no
    // parameters; only numbers are inlined.
    long upTo = Math.min(horizon, headSeq + batchSize);
    String timeBound =
        headRecordedAtMicros == null
            ? ""
            : " AND e.recorded_at >= timestamptz 'epoch' + "
                + headRecordedAtMicros
                + " * interval '1 microsecond' - interval '"
                + CLOCK_SLACK.toSeconds()
                + " seconds'";
    ensureBatchArrays();
    int span = (int) (upTo - headSeq);
    Arrays.fill(slot, 0, span, -1);
    int n;
    if (reader == null || span < 2 * MIN_SPLIT) {
      n = lower.read(c, headSeq, headSeq, upTo, timeBound, 0);
    } else {
      // Rows of the upper half start at its first number's slot, so the halves never overlap.
      long middle = headSeq + span / 2;
      Halves.Both<Integer, Integer> rows =
          Halves.both(
              helper(),
              () -> lower.read(c, headSeq, headSeq, middle, timeBound, 0),
              () -> upper.readAlone(reader, headSeq, middle, upTo, timeBound, span / 2));
      n = rows.lower() + rows.upper();
    }
    if (n == 0) {
      return new Batch(0, headHash, upTo == horizon);
    }
    // Chain order: the rows present, by number (a skipped number was drawn by a transaction that
    // rolled back). Then three things at once: this thread hashes the links, a helper streams each
    // chunk of them into the COPY as soon as it is hashed (the backend stores one chunk while the
    // next is hashed), and another helper works out the keys. Under load every thread gets a like
    // share of the processors, so work done side by side is done sooner, and the chain's hashing,
    // which cannot be split, is all that this thread is left with.
    int k = 0;
    for (int s = 0; s < span; s++) {
      if (slot[s] >= 0) {
        order[k++] = slot[s];
      }
    }
    hashed.set(0);
    Halves.Both<Halves.Both<byte[], Integer>, Set<AuditKeys.Key>> done =
        Halves.both(
            helper(),
            () ->
                Halves.both(
                    helper(),
                    () -> hashLinks(headPosition, headHash, n),
                    () -> appendLinks(c, headPosition, n)),
            () -> keysInChainOrder(headPosition, n));
    AuditKeys.append(c, done.upper());
    byte[] previous = done.lower().lower();
    return new Batch(n, previous, upTo == horizon);
  }

  /** Below this many numbers a batch is read on one connection. */
  private static final int MIN_SPLIT = 256;

  private final RangeReader lower = new RangeReader();
  private final RangeReader upper = new RangeReader();
  private ExecutorService helper;

  private ExecutorService helper() {
    if (helper == null) {
      helper =
          Executors.newFixedThreadPool(
              2,
              r -> {
                Thread t = new Thread(r, "audit-sealer-helper");
                t.setDaemon(true);
                return t;
              });
    }
    return helper;
  }

  /**
   * Reads the unsealed entries numbered {@code (after, upTo]} into the batch arrays from row {@code
   * rowBase} on, recording each in {@link #slot} (whose first slot is number {@code headSeq + 1}).
   * Two of them may run at once on disjoint ranges (their own buffer, disjoint rows and slots).
   */
  private final class RangeReader {
    private byte[] copyBuffer;

    /** In a read-only transaction of its own on {@code c} (the helper connection). */
    int readAlone(Connection c, long headSeq, long after, long upTo, String timeBound, int rowBase)
        throws SQLException {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SELECT " + HEAP_ORDER_PLANS);
        return read(c, headSeq, after, upTo, timeBound, rowBase);
      } finally {
        c.rollback();
        c.setAutoCommit(autoCommit);
      }
    }

    int read(Connection c, long headSeq, long after, long upTo, String timeBound, int rowBase)
        throws SQLException {
      int n = rowBase;
      try (PgBinaryRows rows =
          PgBinaryRows.copyOut(
              c,
              "SELECT e.entry_seq, e.entry_id, e.recorded_at, e.entry_digest, "
                  + KEY_COLUMNS
                  + " FROM audit_entry e WHERE e.entry_seq > "
                  + after
                  + " AND e.entry_seq <= "
                  + upTo
                  + timeBound,
              copyBuffer)) {
        while (rows.next()) {
          long seq = rows.getLong(0);
          if (seq <= after || seq > upTo) {
            throw new IllegalStateException("unexpected audit entry number");
          }
          int s = (int) (seq - headSeq - 1);
          if (slot[s] >= 0) {
            // A second entry under a number already read (nothing in the table forbids it since
            // V5_5; the writer never does it). The first one read is sealed, this one never is,
            // and verification reports it inside the sealed range.
            continue;
          }
          if (rows.length(1) != 16) {
            throw new IllegalStateException("unexpected audit entry shape");
          }
          slot[s] = n;
          seqs[n] = seq;
          times[n] = rows.getEpochMicros(2);
          System.arraycopy(rows.bytes(), rows.offset(1), ids, n * 16, 16);
          if (rows.length(3) == 32) {
            System.arraycopy(rows.bytes(), rows.offset(3), digests, n * 32, 32);
          } else {
            // Not what the writer stores (V5_5 left the length unchecked on the append path). The
            // entry is sealed in its place all the same, with a digest no content has, so that
            // verification reports it as modified and the chain goes on past it.
            Arrays.fill(digests, n * 32, n * 32 + 32, (byte) 0);
          }
          keyColumns[n].read(rows, KEY_FIELDS);
          n++;
        }
        copyBuffer = rows.buffer();
      } catch (IOException e) {
        throw new SQLException("reading unsealed entries failed", e);
      }
      return n - rowBase;
    }
  }

  /** The planner settings of a batch read (set_config arguments, for this transaction only). */
  private static final String HEAP_ORDER_PLANS =
      "set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true)";

  /** The keyed columns read with each entry (fields 4 to 10 of the batch's COPY rows). */
  private static final String KEY_COLUMNS =
      "e.agency_id, e.member_id, e.subject_id, e.case_id, e.event_code, e.break_glass, e.refusal";

  private static final AuditKeys.Fields KEY_FIELDS = new AuditKeys.Fields(4, 5, 6, 7, 8, 9, 10);

  private long[] seqs;
  private long[] times;
  private byte[] ids;
  private byte[] hashes;

  // The batch, in the order read (row), and `order` (chain order to row); slot[seq - headSeq - 1]
  // is the row of that number, or -1.
  private int[] slot;
  private int[] order;
  private byte[] digests;
  private AuditKeys.Columns[] keyColumns;

  private void ensureBatchArrays() {
    if (seqs == null) {
      seqs = new long[batchSize];
      times = new long[batchSize];
      ids = new byte[batchSize * 16];
      hashes = new byte[batchSize * 32];
      digests = new byte[batchSize * 32];
      slot = new int[batchSize];
      order = new int[batchSize];
      keyColumns = new AuditKeys.Columns[batchSize];
      for (int i = 0; i < batchSize; i++) {
        keyColumns[i] = new AuditKeys.Columns();
      }
    }
  }

  /** The keys of rows {@code order[0..n)}, which are sealed at {@code headPosition+1} on. */
  private Set<AuditKeys.Key> keysInChainOrder(long headPosition, int n) {
    Set<AuditKeys.Key> keys = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      AuditKeys.keysOf(headPosition + 1 + i, keyColumns[order[i]], keys::add);
    }
    return keys;
  }

  /** Links hashed and sent per chunk of this many. */
  private static final int LINK_CHUNK = 256;

  // Tuple: field count, then position, entry_seq (int8), entry_id (uuid), recorded_at
  // (timestamptz, PostgreSQL microseconds) and chain_hash (bytea), each length-prefixed.
  private static final int LINK_TUPLE = 2 + (4 + 8) * 3 + (4 + 16) + (4 + 32);

  private final ByteBuffer linkChunk = ByteBuffer.allocate(19 + LINK_CHUNK * LINK_TUPLE + 2);

  /**
   * How many of the batch's links {@link #hashLinks} has hashed so far, or {@link #ABANDONED}: what
   * {@link #appendLinks} may send.
   */
  private final AtomicInteger hashed = new AtomicInteger();

  private static final int ABANDONED = -1;

  private volatile Thread linkSender;

  /**
   * Hashes links {@code headPosition+1 .. headPosition+n} (link i is row {@code order[i]}) from
   * {@code headHash} on into {@link #hashes}, telling {@link #appendLinks} after every chunk;
   * returns the new head hash.
   */
  private byte[] hashLinks(long headPosition, byte[] headHash, int n) {
    byte[] previous = headHash;
    int previousOffset = 0;
    boolean complete = false;
    try {
      for (int i = 0; i < n; i++) {
        int row = order[i];
        hasher.link(
            previous,
            previousOffset,
            headPosition + 1 + i,
            seqs[row],
            times[row],
            digests,
            row * 32,
            hashes,
            i * 32);
        previous = hashes;
        previousOffset = i * 32;
        if ((i + 1) % LINK_CHUNK == 0) {
          hashed.set(i + 1);
          LockSupport.unpark(linkSender);
        }
      }
      complete = true;
    } finally {
      // Whatever ended the loop, the sender must not wait for links that will never come.
      hashed.set(complete ? n : ABANDONED);
      LockSupport.unpark(linkSender);
    }
    return Arrays.copyOfRange(hashes, (n - 1) * 32, n * 32);
  }

  /**
   * Appends links {@code headPosition+1 .. headPosition+n} with one binary COPY, a chunk at a time
   * as {@link #hashLinks} hashes them (the backend stores one chunk while the next is hashed).
   */
  private int appendLinks(Connection c, long headPosition, int n) throws SQLException {
    linkSender = Thread.currentThread();
    CopyIn copy =
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(
                "COPY audit_chain_link (position, entry_seq, entry_id, recorded_at, chain_hash)"
                    + " FROM STDIN (FORMAT binary)");
    try {
      ByteBuffer out = linkChunk.clear();
      out.put(COPY_SIGNATURE).putInt(0).putInt(0);
      int i = 0;
      while (i < n) {
        int ready;
        while ((ready = hashed.get()) <= i) {
          if (ready == ABANDONED) {
            throw new SQLException("chain links not hashed");
          }
          LockSupport.parkNanos(this, 1_000_000);
        }
        for (; i < ready; i++) {
          int row = order[i];
          out.putShort((short) 5);
          out.putInt(8).putLong(headPosition + 1 + i);
          out.putInt(8).putLong(seqs[row]);
          out.putInt(16).put(ids, row * 16, 16);
          out.putInt(8).putLong(times[row] - PgBinaryRows.PG_EPOCH_MICROS);
          out.putInt(32).put(hashes, i * 32, 32);
          if (out.remaining() < LINK_TUPLE + 2) {
            copy.writeToCopy(out.array(), 0, out.position());
            copy.flushCopy();
            out.clear();
          }
        }
      }
      out.putShort((short) -1);
      copy.writeToCopy(out.array(), 0, out.position());
      if (copy.endCopy() != n) {
        throw new SQLException("chain links not all appended");
      }
      return n;
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private static final byte[] COPY_SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0
  };

  /**
   * When this instance last saw a checkpoint signed (System.nanoTime), or 0 if it has not looked
   * yet. Until {@code checkpointEvery} has passed since then, no checkpoint can be due and the
   * database is not asked; then the database decides (another instance may have signed one).
   */
  private long lastCheckpointSeenNanos;

  private boolean checkpointIfDue(Connection c, long headPosition, byte[] headHash, boolean force)
      throws SQLException {
    if (headPosition == 0) {
      return false;
    }
    if (!force
        && lastCheckpointSeenNanos != 0
        && System.nanoTime() - lastCheckpointSeenNanos < checkpointEvery.toNanos()) {
      return false;
    }
    long lastPosition = 0;
    long lastSignedMicros = Long.MIN_VALUE;
    long nowMicros;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT cp.position, (EXTRACT(EPOCH FROM cp.signed_at) * 1000000)::bigint,"
                    + " (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::bigint"
                    + " FROM (SELECT 1) AS one LEFT JOIN LATERAL"
                    + " (SELECT position, signed_at FROM audit_checkpoint"
                    + "  ORDER BY position DESC LIMIT 1) AS cp ON true")) {
      rs.next();
      lastPosition = rs.getLong(1);
      if (!rs.wasNull()) {
        lastSignedMicros = rs.getLong(2);
      }
      nowMicros = rs.getLong(3);
    }
    if (lastSignedMicros != Long.MIN_VALUE) {
      // The next checkpoint cannot be due before checkpointEvery after this signature.
      lastCheckpointSeenNanos =
          System.nanoTime() - Math.max(0, nowMicros - lastSignedMicros) * 1000;
    }
    if (headPosition <= lastPosition) {
      return false;
    }
    long everyMicros = checkpointEvery.toNanos() / 1000;
    boolean due =
        force || lastSignedMicros == Long.MIN_VALUE || nowMicros - lastSignedMicros >= everyMicros;
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
    lastCheckpointSeenNanos = System.nanoTime();
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
