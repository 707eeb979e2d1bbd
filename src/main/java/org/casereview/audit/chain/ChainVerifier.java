package org.casereview.audit.chain;

import java.io.IOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.casereview.crypto.SignatureVerifier;

/**
 * Recomputes the chain over a range of positions from the stored entries and compares it with the
 * stored links and the signed checkpoints, and checks that each sealed entry's filter keys were
 * recorded ({@link AuditKeys}). Reads links by position, entries by number and checkpoints by
 * position side by side, chunk by chunk, in constant memory; entries are hashed from the bytes of a
 * binary COPY. Plain JDBC, so the benchmark measures the service's own code.
 *
 * <p>Trust: the stored link before {@code from} is taken as the starting hash; the signed
 * checkpoints inside the range are what a rewrite of entries and links together cannot forge.
 */
public final class ChainVerifier {

  /** Links per chunk: about 64 bytes each held in memory, whatever the length of the chain. */
  private static final int CHUNK = 10_000;

  private final int chunk;

  private final SignatureVerifier signatures;
  private final String keyId;
  private final byte[] publicKeyX509;
  private final ChainHasher hasher = new ChainHasher();

  /** Ranges shorter than twice this are verified on one connection. */
  private static final int MIN_SPLIT = 20_000;

  private final int minSplit;

  /** Checkpoints must be signed by the key {@code keyId} whose public key is given. */
  public ChainVerifier(SignatureVerifier signatures, String keyId, byte[] publicKeyX509) {
    this(signatures, keyId, publicKeyX509, CHUNK, MIN_SPLIT);
  }

  /** With another chunk size (tests cross chunk boundaries with tiny ones). */
  ChainVerifier(SignatureVerifier signatures, String keyId, byte[] publicKeyX509, int chunk) {
    this(signatures, keyId, publicKeyX509, chunk, MIN_SPLIT);
  }

  /** And another least half for splitting a range (tests split ranges of a few entries). */
  ChainVerifier(
      SignatureVerifier signatures, String keyId, byte[] publicKeyX509, int chunk, int minSplit) {
    this.chunk = chunk;
    this.minSplit = minSplit;
    this.signatures = signatures;
    this.keyId = keyId;
    this.publicKeyX509 = publicKeyX509.clone();
  }

  /**
   * Verifies positions {@code from..to} (to = null: up to the head). Runs in one read-only
   * transaction on {@code c} so that every chunk of every read sees one snapshot.
   */
  public VerificationReport verify(Connection c, long from, Long to) throws SQLException {
    return verify(c, null, from, to);
  }

  /**
   * The same, verifying the upper half of a long range on {@code helper} at the same time, in the
   * same snapshot ({@code c}'s transaction exports it, {@code helper}'s imports it). The halves are
   * independent: the upper one starts from the stored link before it, which the lower one checks as
   * its last. The report is the one a single pass would give; the database backend's reading, not
   * the hashing, is what limits one pass, and two connections read at twice its rate on a machine
   * with the cores for it. {@code helper} only reads, in a transaction it ends.
   */
  public VerificationReport verify(Connection c, Connection helper, long from, Long to)
      throws SQLException {
    if (from < 1 || (to != null && to < from)) {
      throw new IllegalArgumentException("range must satisfy 1 <= from <= to");
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      begin(c, null);
      long head = scalarLong(c, "SELECT coalesce(max(position), 0) FROM audit_chain_link", null);
      long last = to != null ? to : Math.max(head, lastCheckpoint(c));
      // Split only inside the sealed chain, where both halves have links to read.
      if (helper == null || last > head || last - from + 1 < 2L * minSplit) {
        return run(c, from, last);
      }
      String snapshot = scalarString(c, "SELECT pg_export_snapshot()");
      long middle = from + (last - from + 1) / 2;
      ChainVerifier upperHalf =
          new ChainVerifier(signatures, keyId, publicKeyX509, chunk, minSplit);
      Halves.Both<VerificationReport, VerificationReport> halves =
          Halves.both(
              ChainVerifier::startReader,
              () -> run(c, from, middle - 1),
              () -> upperHalf.runAlone(helper, snapshot, middle, last));
      return combined(from, last, middle, halves.lower(), halves.upper());
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
  }

  /** Starts the read-only transaction: in the exported {@code snapshot} if one is given. */
  private static void begin(Connection c, String snapshot) throws SQLException {
    try (var s = c.createStatement()) {
      s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      if (snapshot != null) {
        if (!snapshot.matches("[0-9A-F]+-[0-9A-F]+-[0-9]+")) {
          throw new SQLException("unexpected snapshot name");
        }
        s.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
      }
      // The reads stream in key order; a COPY gets no cursor's fast-start planning, and without
      // fresh statistics the planner would rather sort a bitmap scan (spilling to disk) than walk
      // the primary key. For this read-only transaction only.
      s.execute(PgBinaryRows.STREAMING_PLANS);
    }
  }

  private VerificationReport runAlone(Connection c, String snapshot, long from, long to)
      throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      begin(c, snapshot);
      return run(c, from, to);
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
  }

  /** Verification is rare: the upper half gets a thread of its own each time. */
  private static void startReader(Runnable upperHalf) {
    Thread reader = new Thread(upperHalf, "audit-verifier-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** The report of one pass over {@code from..to}, from its halves split before {@code middle}. */
  private static VerificationReport combined(
      long from, long to, long middle, VerificationReport lower, VerificationReport upper) {
    if (!lower.intact()) {
      return broken(
          from,
          to,
          lower.entriesVerified(),
          lower.checkpointsVerified(),
          lower.firstBreak().position(),
          lower.firstBreak().kind(),
          lower.firstBreak().detail());
    }
    if (lower.to() < middle - 1) {
      // The lower half's links stopped short; one pass would have met the next link too early.
      return broken(
          from,
          to,
          lower.entriesVerified(),
          lower.checkpointsVerified(),
          lower.to() + 1,
          BreakKind.MISSING,
          "chain link missing");
    }
    long verified = lower.entriesVerified() + upper.entriesVerified();
    long checkpoints = lower.checkpointsVerified() + upper.checkpointsVerified();
    if (!upper.intact()) {
      return broken(
          from,
          to,
          verified,
          checkpoints,
          upper.firstBreak().position(),
          upper.firstBreak().kind(),
          upper.firstBreak().detail());
    }
    return new VerificationReport(
        from, upper.to(), verified, checkpoints, upper.chainHead(), true, null);
  }

  private static long lastCheckpoint(Connection c) throws SQLException {
    return scalarLong(c, "SELECT coalesce(max(position), 0) FROM audit_checkpoint", null);
  }

  private static String scalarString(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Verifies {@code from..to} in the transaction begun on {@code c}. */
  private VerificationReport run(Connection c, long from, long to) throws SQLException {
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

    // Links, entries and checkpoints are read side by side in chunks of links, each chunk
    // continuing where the previous one stopped (keyset), all in this transaction's one snapshot:
    // the same rows, in the same order, as one cursor each. Links and entries come through binary
    // COPY into reused buffers and are hashed at the byte level (ChainHasher): no object per entry.
    long expected = from;
    long verified = 0;
    long checkpointsOk = 0;
    long lastLinkPosition = from - 1;
    long entriesAfter = previousSeq;
    byte[] prev = previous.clone();
    byte[] computed = new byte[32];
    byte[] digest = new byte[32];
    long[] linkPositions = new long[chunk];
    long[] linkSeqs = new long[chunk];
    long[] linkTimes = new long[chunk];
    byte[] linkIds = new byte[chunk * 16];
    byte[] linkHashes = new byte[chunk * 32];
    byte[] buffer = null;
    while (true) {
      int n = 0;
      try (PgBinaryRows links =
          PgBinaryRows.copyOut(
              c,
              "SELECT position, entry_seq, entry_id, chain_hash, recorded_at FROM audit_chain_link"
                  + " WHERE position > "
                  + lastLinkPosition
                  + " AND position <= "
                  + to
                  + " ORDER BY position LIMIT "
                  + chunk,
              buffer)) {
        while (links.next()) {
          linkPositions[n] = links.getLong(0);
          linkSeqs[n] = links.getLong(1);
          if (links.length(2) != 16 || links.length(3) != 32) {
            throw new IllegalStateException("unexpected chain link shape");
          }
          System.arraycopy(links.bytes(), links.offset(2), linkIds, n * 16, 16);
          System.arraycopy(links.bytes(), links.offset(3), linkHashes, n * 32, 32);
          linkTimes[n] = links.getEpochMicros(4);
          n++;
        }
        buffer = links.buffer();
      } catch (IOException e) {
        throw new SQLException("reading chain links failed", e);
      }
      if (n == 0) {
        break;
      }
      // This chunk's links can only consume entries numbered up to the highest number they name;
      // an entry out of place below it is still seen, one above it is the next chunk's.
      long chunkMaxSeq = Long.MIN_VALUE;
      for (int i = 0; i < n; i++) {
        chunkMaxSeq = Math.max(chunkMaxSeq, linkSeqs[i]);
      }
      List<StoredCheckpoint> checkpoints = checkpoints(c, lastLinkPosition, linkPositions[n - 1]);
      keyCheck.stored =
          AuditKeys.stored(
              c, AuditKeys.block(linkPositions[0]), AuditKeys.block(linkPositions[n - 1]));
      int nextCheckpoint = 0;
      BreakKind kind = null;
      long breakPosition = 0;
      String detail = null;
      long outOfPlaceSeq = -1;
      try (PgBinaryRows entries =
          PgBinaryRows.copyOut(
              c,
              "SELECT "
                  + ChainHasher.BINARY_COLUMNS
                  + " FROM audit_entry e WHERE e.entry_seq > "
                  + entriesAfter
                  + " AND e.entry_seq <= "
                  + Math.min(maxSeq, chunkMaxSeq)
                  + " ORDER BY e.entry_seq LIMIT "
                  + n,
              buffer)) {
        boolean hasEntry = entries.next();
        for (int i = 0; i < n; i++) {
          long position = linkPositions[i];
          long seq = linkSeqs[i];
          if (position != expected) {
            kind = BreakKind.MISSING;
            breakPosition = expected;
            detail = "chain link missing";
            break;
          }
          if (seq <= previousSeq) {
            kind = BreakKind.REORDERED;
            breakPosition = position;
            detail = "link out of sealing order";
            break;
          }
          long entrySeq = hasEntry ? entries.getLong(0) : Long.MAX_VALUE;
          if (hasEntry && entrySeq < seq) {
            outOfPlaceSeq = entrySeq; // sealed later, or never: asked once the COPY is over
            breakPosition = position;
            break;
          }
          if (!hasEntry || entrySeq > seq) {
            kind = BreakKind.MISSING;
            breakPosition = position;
            detail = "sealed entry missing";
            break;
          }
          if (entries.length(1) != 16
              || !Arrays.equals(
                  entries.bytes(),
                  entries.offset(1),
                  entries.offset(1) + 16,
                  linkIds,
                  i * 16,
                  i * 16 + 16)) {
            kind = BreakKind.REORDERED;
            breakPosition = position;
            detail = "a different entry stands where this one was sealed";
            break;
          }
          long recordedAt = entries.getEpochMicros(2);
          hasher.contentDigest(entries, 0, digest, 0);
          hasher.link(prev, 0, position, seq, recordedAt, digest, 0, computed, 0);
          // The link's copy of the time is not hashed but is what key lookups go by (AuditKeys).
          if (!Arrays.equals(computed, 0, 32, linkHashes, i * 32, i * 32 + 32)
              || linkTimes[i] != recordedAt) {
            kind = BreakKind.MODIFIED;
            breakPosition = position;
            detail = "entry or link differs from what was sealed";
            break;
          }
          keyCheck.missing = false;
          AuditKeys.keysOf(position, keyColumns.read(entries, KEY_FIELDS), keyCheck);
          if (keyCheck.missing) {
            kind = BreakKind.MISSING;
            breakPosition = position;
            detail = "entry missing from the filter keys";
            break;
          }
          verified++;
          while (nextCheckpoint < checkpoints.size()
              && checkpoints.get(nextCheckpoint).position() <= position) {
            StoredCheckpoint cp = checkpoints.get(nextCheckpoint);
            if (cp.position() < position) {
              // Checkpoints sit on link positions; one without its link means links went missing.
              kind = BreakKind.MISSING;
              breakPosition = cp.position();
              detail = "checkpoint without its chain link";
              break;
            }
            String problem = checkCheckpoint(cp, computed);
            if (problem != null) {
              kind =
                  problem.startsWith("signature") || problem.startsWith("key")
                      ? BreakKind.BAD_SIGNATURE
                      : BreakKind.MODIFIED;
              breakPosition = cp.position();
              detail = problem;
              break;
            }
            checkpointsOk++;
            nextCheckpoint++;
          }
          if (kind != null) {
            break;
          }
          byte[] t = prev;
          prev = computed;
          computed = t;
          previousSeq = seq;
          entriesAfter = seq;
          lastLinkPosition = position;
          hasEntry = entries.next();
          expected++;
        }
        // Read what is left of this chunk rather than cancel: a cancelled COPY would abort the
        // transaction, and a break may need one more query.
        entries.drain();
        buffer = entries.buffer();
      } catch (IOException e) {
        throw new SQLException("reading audit entries failed", e);
      }
      if (outOfPlaceSeq >= 0) {
        boolean sealedLater = linkedAfter(c, outOfPlaceSeq, breakPosition);
        return broken(
            from,
            to,
            verified,
            checkpointsOk,
            breakPosition,
            sealedLater ? BreakKind.REORDERED : BreakKind.INSERTED,
            sealedLater
                ? "entry sealed at a later position"
                : "entry inside the sealed range was never sealed");
      }
      if (kind != null) {
        return broken(from, to, verified, checkpointsOk, breakPosition, kind, detail);
      }
      if (n < chunk) {
        break;
      }
    }
    long beyond =
        scalarLong(
            c,
            "SELECT coalesce(min(position), 0) FROM audit_checkpoint WHERE position > "
                + lastLinkPosition
                + " AND position <= ?",
            to);
    if (beyond > 0) {
      return broken(
          from,
          to,
          verified,
          checkpointsOk,
          beyond,
          BreakKind.MISSING,
          "checkpoint beyond the last chain link");
    }
    long unsealed =
        scalarLong(
            c,
            "SELECT count(*) FROM (SELECT 1 FROM audit_entry WHERE entry_seq > "
                + entriesAfter
                + " AND entry_seq <= ? LIMIT 1) AS x",
            maxSeq);
    if (unsealed > 0) {
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
        verified == 0 ? null : HexFormat.of().formatHex(prev),
        true,
        null);
  }

  /** Where the keyed columns are among {@link ChainHasher#BINARY_COLUMNS}. */
  private static final AuditKeys.Fields KEY_FIELDS = new AuditKeys.Fields(7, 6, 10, 11, 3, 13, 4);

  private final KeyCheck keyCheck = new KeyCheck();
  private final AuditKeys.Columns keyColumns = new AuditKeys.Columns();

  /**
   * Whether every key of an entry is among the stored keys of its block: the filtered exports and
   * the accounting find entries only through them, so a key removed would hide the entry there.
   */
  private static final class KeyCheck implements Consumer<AuditKeys.Key> {
    Set<AuditKeys.Key> stored = Set.of();
    boolean missing;

    @Override
    public void accept(AuditKeys.Key key) {
      if (!stored.contains(key)) {
        missing = true;
      }
    }
  }

  /** A stored checkpoint. */
  private record StoredCheckpoint(
      long position, byte[] chainHead, long signedAtMicros, String keyId, byte[] signature) {}

  /** The checkpoints with positions in {@code (after, upTo]}, in order (a chunk's worth). */
  private static List<StoredCheckpoint> checkpoints(Connection c, long after, long upTo)
      throws SQLException {
    List<StoredCheckpoint> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT position, chain_head, (EXTRACT(EPOCH FROM signed_at) * 1000000)::bigint,"
                + " key_id, signature FROM audit_checkpoint"
                + " WHERE position > ? AND position <= ? ORDER BY position")) {
      ps.setLong(1, after);
      ps.setLong(2, upTo);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new StoredCheckpoint(
                  rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getString(4), rs.getBytes(5)));
        }
      }
    }
    return out;
  }

  /** Null if the checkpoint verifies against {@code head}, else the problem. */
  private String checkCheckpoint(StoredCheckpoint cp, byte[] head) {
    if (!keyId.equals(cp.keyId())) {
      return "key unknown to this service";
    }
    byte[] message =
        ChainHasher.checkpointMessage(
            cp.position(), cp.chainHead(), cp.signedAtMicros(), cp.keyId());
    if (!signatures.verify(publicKeyX509, message, cp.signature())) {
      return "signature does not verify";
    }
    if (!MessageDigest.isEqual(cp.chainHead(), head)) {
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
