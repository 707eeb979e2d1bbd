package org.casereview.audit.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.casereview.audit.AuditJson;
import org.casereview.audit.chain.AuditKeys;
import org.casereview.audit.chain.ChainHasher;
import org.casereview.audit.chain.ChainSealer;
import org.casereview.audit.chain.LogEntry;
import org.casereview.audit.chain.PgBinaryRows;

/**
 * Streams the sealed entries matching a filter, up to a signed checkpoint, in chain order, from a
 * binary COPY straight to an output stream: memory stays flat whatever the size. Plain JDBC, so the
 * benchmark measures the service's own code.
 */
public final class AuditExporter {

  /** Links per chunk of an unfiltered export: about 48 bytes each held in memory. */
  private static final int CHUNK = 10_000;

  private final int chunk;

  public AuditExporter() {
    this(CHUNK);
  }

  /** With another chunk size (tests cross chunk boundaries with tiny ones). */
  AuditExporter(int chunk) {
    this.chunk = chunk;
  }

  private static final HexFormat HEX = HexFormat.of();

  /** What was written. */
  public record Written(long count, Long firstPosition, Long lastPosition, String sha256) {}

  /** The newest checkpoint, or null when nothing has been checkpointed yet. */
  public static ExportManifest.Checkpoint latestCheckpoint(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT position, chain_head, (EXTRACT(EPOCH FROM signed_at) * 1000000)::bigint,"
                    + " key_id, signature FROM audit_checkpoint ORDER BY position DESC LIMIT 1")) {
      if (!rs.next()) {
        return null;
      }
      long micros = rs.getLong(3);
      return new ExportManifest.Checkpoint(
          rs.getLong(1),
          HEX.formatHex(rs.getBytes(2)),
          micros,
          ExportLine.isoTime(micros),
          rs.getString(4),
          Base64.getEncoder().encodeToString(rs.getBytes(5)));
    }
  }

  /**
   * Writes the matching entries sealed at or before the checkpoint's position. Runs in one
   * read-only transaction on {@code c} (one snapshot for every chunk); {@code progress} receives
   * the chain position reached, now and then.
   */
  public Written export(
      Connection c,
      ExportFilter filter,
      ExportFormat format,
      ExportManifest.Checkpoint checkpoint,
      OutputStream target,
      LongConsumer progress)
      throws SQLException, IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    DigestOutputStream digesting = new DigestOutputStream(target, sha256);
    OutputStream out = new BufferedOutputStream(digesting, 1 << 16);
    Lines lines = new Lines(format, out, progress);
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement tx = c.createStatement()) {
      tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      // The reads stream in key order; a COPY gets no cursor's fast-start planning, and without
      // fresh statistics the planner would rather sort a bitmap scan (spilling to disk) than walk
      // the primary key. For this read-only transaction only.
      tx.execute(PgBinaryRows.STREAMING_PLANS);
      lines.begin();
      if (checkpoint != null) {
        if (filter.isEverything()) {
          everything(c, checkpoint.position(), lines, chunk);
        } else {
          filtered(c, filter, checkpoint.position(), lines);
        }
      }
      lines.finish();
      out.flush();
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
    long count = lines.count;
    Long first = lines.first;
    Long last = lines.last;
    if (last != null) {
      progress.accept(last);
    }
    return new Written(count, first, last, HEX.formatHex(sha256.digest()));
  }

  /**
   * Unfiltered: the chain from position 1 to the checkpoint, contiguous. Links (by position) and
   * entries (by number) are read side by side, a chunk of links at a time, each through a binary
   * COPY, and merged on the entry number: no join, no sort, memory bounded by the chunk.
   */
  private static void everything(Connection c, long upTo, Lines lines, int chunk)
      throws SQLException, IOException {
    long[] positions = new long[chunk];
    long[] seqs = new long[chunk];
    byte[] hashes = new byte[chunk * 32];
    byte[] previous = ChainHasher.GENESIS.clone();
    long previousPosition = 0;
    long after = 0;
    byte[] buffer = null;
    while (true) {
      int n = 0;
      long minSeq = Long.MAX_VALUE;
      long maxSeq = Long.MIN_VALUE;
      try (PgBinaryRows links =
          PgBinaryRows.copyOut(
              c,
              "SELECT position, entry_seq, chain_hash FROM audit_chain_link WHERE position > "
                  + after
                  + " AND position <= "
                  + upTo
                  + " ORDER BY position LIMIT "
                  + chunk,
              buffer)) {
        while (links.next()) {
          positions[n] = links.getLong(0);
          seqs[n] = links.getLong(1);
          minSeq = Math.min(minSeq, seqs[n]);
          maxSeq = Math.max(maxSeq, seqs[n]);
          if (links.length(2) != 32) {
            throw new IllegalStateException("unexpected chain link shape");
          }
          System.arraycopy(links.bytes(), links.offset(2), hashes, n * 32, 32);
          n++;
        }
        buffer = links.buffer();
      }
      if (n == 0) {
        return;
      }
      try (PgBinaryRows entries =
          PgBinaryRows.copyOut(
              c,
              "SELECT "
                  + ChainHasher.BINARY_COLUMNS
                  + " FROM audit_entry e WHERE e.entry_seq >= "
                  + minSeq
                  + " AND e.entry_seq <= "
                  + maxSeq
                  + " ORDER BY e.entry_seq",
              buffer)) {
        boolean hasEntry = entries.next();
        for (int i = 0; i < n; i++) {
          // The hash before this position: the previous link if it is the one just before (on an
          // intact chain always; a gap shows as the genesis hash, and the verifier refuses it).
          byte[] prevArray = previous;
          int prevOffset = 0;
          if (i > 0 && positions[i - 1] == positions[i] - 1) {
            prevArray = hashes;
            prevOffset = (i - 1) * 32;
          } else if (i > 0 || previousPosition != positions[i] - 1) {
            prevArray = ChainHasher.GENESIS;
          }
          // Entries without a link here are not exported (as the join did not export them).
          while (hasEntry && entries.getLong(0) < seqs[i]) {
            hasEntry = entries.next();
          }
          if (hasEntry && entries.getLong(0) == seqs[i]) {
            lines.line(positions[i], prevArray, prevOffset, hashes, i * 32, entries, 0);
            hasEntry = entries.next();
          }
        }
        entries.drain();
        buffer = entries.buffer();
      }
      System.arraycopy(hashes, (n - 1) * 32, previous, 0, 32);
      previousPosition = positions[n - 1];
      after = positions[n - 1];
      if (n < chunk) {
        return;
      }
    }
  }

  /**
   * Filtered: the matching entries with their links, in chain order, through one binary COPY. When
   * a keyed criterion is set (a case, youth, member, agency, rare event type or flag), the blocks
   * holding its key ({@link AuditKeys}) are walked, link by link, and the filter applied to each
   * entry there; otherwise (time and D100 only) the links are walked in chain order over the
   * positions that can hold the time range ({@link #positionsFor}), and each entry looked up.
   */
  private static void filtered(Connection c, ExportFilter filter, long upTo, Lines lines)
      throws SQLException, IOException {
    ExportFilter.DrivingKey key = filter.drivingKey();
    String select;
    if (key == null) {
      long[] range = positionsFor(c, filter.from(), filter.to(), upTo);
      if (range[0] > range[1]) {
        return;
      }
      select =
          "SELECT l.position, l.chain_hash, p.chain_hash, "
              + ChainHasher.BINARY_COLUMNS
              + " FROM audit_chain_link l"
              + " JOIN audit_entry e ON e.entry_seq = l.entry_seq AND e.recorded_at = l.recorded_at"
              + " LEFT JOIN audit_chain_link p ON p.position = l.position - 1"
              + " WHERE l.position BETWEEN "
              + range[0]
              + " AND "
              + range[1]
              + filter.sqlLiterals()
              + " ORDER BY l.position";
    } else {
      // Blocks in order, links in position order within each: chain order, sorted a block at a
      // time at most. The entry's time from its link lets each lookup go to one partition.
      select =
          "SELECT l.position, l.chain_hash, p.chain_hash, "
              + ChainHasher.BINARY_COLUMNS
              + " FROM ("
              + AuditKeys.blocksOf(key.kind(), key.key(), upTo)
              + ") AS b"
              + " JOIN audit_chain_link l ON "
              + AuditKeys.linkInBlock("l", "b.block")
              + " JOIN audit_entry e ON e.entry_seq = l.entry_seq AND e.recorded_at = l.recorded_at"
              + " LEFT JOIN audit_chain_link p ON p.position = l.position - 1"
              + " WHERE l.position <= "
              + upTo
              + filter.sqlLiterals()
              + " ORDER BY b.block, l.position";
    }
    try (PgBinaryRows rows = PgBinaryRows.copyOut(c, select, null)) {
      while (rows.next()) {
        if (rows.length(1) != 32 || (!rows.isNull(2) && rows.length(2) != 32)) {
          throw new IllegalStateException("unexpected chain link shape");
        }
        byte[] b = rows.bytes();
        if (rows.isNull(2)) {
          lines.line(rows.getLong(0), ChainHasher.GENESIS, 0, b, rows.offset(1), rows, 3);
        } else {
          lines.line(rows.getLong(0), b, rows.offset(2), b, rows.offset(1), rows, 3);
        }
      }
    }
  }

  /**
   * The first and last chain positions (within 1 to {@code upTo}) that can hold an entry recorded
   * in {@code [from, to)}; either bound may be null. audit_entry has no time index (V5_6: each
   * index is work on every disclosure's request path), so a time range is found on the chain
   * instead: positions follow the order in which entries drew their numbers, and an entry's time
   * runs at most {@link ChainSealer#CLOCK_SLACK} behind that of an entry sealed before it (the
   * sealer's reads rely on the same). Each bound is a bisection over the links' primary key, on
   * their copy of each entry's time (which verification checks against the entry): about 2 log2(n)
   * lookups. The range only narrows the walk; the filter itself decides what matches.
   */
  static long[] positionsFor(Connection c, Instant from, Instant to, long upTo)
      throws SQLException {
    long slack = ChainSealer.CLOCK_SLACK.toNanos() / 1000;
    long first = 1;
    long last = upTo;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT (EXTRACT(EPOCH FROM recorded_at) * 1000000)::bigint FROM audit_chain_link"
                + " WHERE position = ?")) {
      if (from != null) {
        // The last position found whose entry is more than the slack before `from`: every entry
        // sealed at or before it was recorded before `from`. A missing link is no reason to skip
        // anything.
        long bound = micros(from) - slack;
        first = lastBelow(ps, 0, upTo + 1, t -> t != null && t < bound) + 1;
      }
      if (to != null) {
        // The position after the last one kept is one whose entry is at least the slack after
        // `to`: every entry sealed at or after it was recorded at or after `to`.
        long bound = micros(to) + slack;
        last = lastBelow(ps, first - 1, upTo + 1, t -> t == null || t < bound);
      }
    }
    return new long[] {first, last};
  }

  /**
   * Bisection over positions strictly between {@code below} and {@code above}: returns a position p
   * (or {@code below}) such that {@code isBelow} holds for p's link time and fails for p + 1's (or
   * p + 1 is {@code above}). {@code isBelow} is given null for a missing link.
   */
  private static long lastBelow(
      PreparedStatement ps, long below, long above, Predicate<Long> isBelow) throws SQLException {
    while (above - below > 1) {
      long middle = below + (above - below) / 2;
      if (isBelow.test(linkMicros(ps, middle))) {
        below = middle;
      } else {
        above = middle;
      }
    }
    return below;
  }

  private static Long linkMicros(PreparedStatement ps, long position) throws SQLException {
    ps.setLong(1, position);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  /** Microseconds since 1970; an instant beyond any timestamp's range saturates (no overflow). */
  private static long micros(Instant t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
    }
  }

  /** Writes lines in the export's format and counts them. */
  private static final class Lines {
    private final ExportFormat format;
    private final OutputStream out;
    private final LongConsumer progress;
    private NdjsonLineWriter ndjson;
    private JsonGenerator json;
    private Writer csv;
    long count;
    Long first;
    Long last;

    Lines(ExportFormat format, OutputStream out, LongConsumer progress) {
      this.format = format;
      this.out = out;
      this.progress = progress;
    }

    void begin() throws IOException {
      switch (format) {
        case NDJSON -> ndjson = new NdjsonLineWriter(out);
        case CSV -> {
          csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          csv.write(ExportLine.csvHeader());
        }
        case FHIR_NDJSON -> {
          json = AuditJson.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8);
          json.setRootValueSeparator(null);
        }
      }
    }

    void line(
        long position,
        byte[] previous,
        int previousOffset,
        byte[] hash,
        int hashOffset,
        PgBinaryRows entry,
        int base)
        throws IOException {
      if (ndjson != null) {
        ndjson.line(position, previous, previousOffset, hash, hashOffset, entry, base);
      } else {
        ExportLine line =
            new ExportLine(
                position,
                Arrays.copyOfRange(previous, previousOffset, previousOffset + 32),
                Arrays.copyOfRange(hash, hashOffset, hashOffset + 32),
                LogEntry.read(entry, base));
        if (csv != null) {
          csv.write(line.toCsv());
        } else {
          FhirAuditEventWriter.write(json, line);
          json.writeRaw('\n');
        }
      }
      if (first == null) {
        first = position;
      }
      last = position;
      count++;
      if ((count & 0xFFF) == 0) {
        progress.accept(position);
      }
    }

    void finish() throws IOException {
      if (ndjson != null) {
        ndjson.flush();
      } else if (csv != null) {
        csv.flush();
      } else {
        json.flush();
      }
    }
  }
}
