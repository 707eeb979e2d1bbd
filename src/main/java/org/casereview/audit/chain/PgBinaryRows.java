package org.casereview.audit.chain;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Reads the rows of {@code COPY (query) TO STDOUT (FORMAT binary)} one at a time into one reused
 * buffer: no object per row or per column. The binary format sends every field as a 4-byte
 * big-endian length (-1 for null) followed by its bytes, which for text columns is exactly an
 * element of the chain's canonical form (ChainHasher), so hashing and exporting can work on these
 * bytes as they are.
 *
 * <p>Text arrives in the client encoding, which the JDBC driver sets to UTF-8. Types used here:
 * {@code bigint} (8 bytes), {@code boolean} (1 byte), {@code uuid} (16 bytes), {@code timestamptz}
 * (8 bytes, microseconds since 2000-01-01 UTC), {@code bytea}, {@code text}/{@code varchar}
 * (UTF-8).
 *
 * <p>A COPY holds the connection until its last row is read or it is closed; no other statement can
 * run on the connection meanwhile. Not thread-safe.
 */
public final class PgBinaryRows implements AutoCloseable {

  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0
  };

  /**
   * Transaction-local planner setting for reads that stream in index order through COPY: ordered
   * index scans rather than sorts (a COPY is planned for all of its rows, not for a fast start as a
   * cursor is, and without fresh statistics a bitmap scan and a sort, spilling to disk, looked
   * cheaper than walking the primary key).
   */
  public static final String STREAMING_PLANS = "SELECT set_config('enable_sort', 'off', true)";

  /** Microseconds from 1970-01-01 to 2000-01-01, PostgreSQL's timestamp epoch. */
  public static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

  private final InputStream in;
  private byte[] buf;
  private int start; // first byte of the current row
  private int limit; // end of valid data
  private int pos; // parse position
  private int[] offsets = new int[32];
  private int[] lengths = new int[32];
  private int fieldCount;
  private int parsed; // fields of the current row whose offsets are set
  private boolean done;

  private PgBinaryRows(InputStream in, byte[] buffer) {
    this.in = in;
    this.buf = buffer;
  }

  /**
   * Starts {@code COPY (select) TO STDOUT (FORMAT binary)} on {@code c}. The query text must not
   * carry input: COPY takes no parameters, so callers inline only numbers and validated values.
   */
  public static PgBinaryRows copyOut(Connection c, String select, byte[] buffer)
      throws SQLException, IOException {
    PGConnection pg = c.unwrap(PGConnection.class);
    PgBinaryRows rows =
        new PgBinaryRows(
            new PGCopyInputStream(pg, "COPY (" + select + ") TO STDOUT (FORMAT binary)"),
            buffer == null ? new byte[1 << 16] : buffer);
    rows.readHeader();
    return rows;
  }

  /** Rows from a binary COPY stream read elsewhere (tests build their own). */
  public static PgBinaryRows of(InputStream in) throws IOException {
    PgBinaryRows rows = new PgBinaryRows(in, new byte[64]);
    rows.readHeader();
    return rows;
  }

  /** The buffer, for the caller to reuse in the next COPY once this one is closed. */
  public byte[] buffer() {
    return buf;
  }

  private void readHeader() throws IOException {
    ensure(SIGNATURE.length + 8);
    for (int i = 0; i < SIGNATURE.length; i++) {
      if (buf[pos + i] != SIGNATURE[i]) {
        throw new IOException("not a binary COPY stream");
      }
    }
    pos += SIGNATURE.length + 4; // flags: no OIDs, nothing critical
    int extension = readInt();
    ensure(extension);
    pos += extension;
  }

  /** Advances to the next row; false at the end of the data. */
  public boolean next() throws IOException {
    if (done) {
      return false;
    }
    start = pos;
    parsed = 0;
    ensure(2);
    int count = (short) (((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF));
    pos += 2;
    if (count == -1) {
      done = true;
      return false;
    }
    if (count > offsets.length) {
      offsets = new int[count];
      lengths = new int[count];
    }
    for (int i = 0; i < count; i++) {
      ensure(4);
      int length = readInt();
      offsets[i] = pos;
      lengths[i] = length;
      parsed = i + 1;
      if (length > 0) {
        ensure(length);
        pos += length;
      }
    }
    fieldCount = count;
    return true;
  }

  /** Reads and discards the remaining rows, leaving the connection usable in its transaction. */
  public void drain() throws IOException {
    while (next()) {
      // nothing: a COPY cancelled midway would abort the transaction
    }
  }

  private int readInt() {
    int v =
        ((buf[pos] & 0xFF) << 24)
            | ((buf[pos + 1] & 0xFF) << 16)
            | ((buf[pos + 2] & 0xFF) << 8)
            | (buf[pos + 3] & 0xFF);
    pos += 4;
    return v;
  }

  /**
   * Makes sure {@code n} bytes from {@code pos} are in the buffer: when the buffer is full, the
   * current row moves to its front (once per buffer, not per row), and the buffer grows only for a
   * row larger than itself.
   */
  private void ensure(int n) throws IOException {
    if (n < 0) {
      throw new IOException("malformed binary COPY stream");
    }
    while (limit - pos < n) {
      if (limit == buf.length) {
        if (start > 0) {
          int shift = start;
          System.arraycopy(buf, shift, buf, 0, limit - shift);
          limit -= shift;
          pos -= shift;
          start = 0;
          for (int i = 0; i < parsed; i++) {
            offsets[i] -= shift;
          }
          continue;
        }
        byte[] bigger = new byte[Math.max(buf.length * 2, pos + n)];
        System.arraycopy(buf, 0, bigger, 0, limit);
        buf = bigger;
      }
      int read = in.read(buf, limit, buf.length - limit);
      if (read < 0) {
        throw new IOException("binary COPY stream ended early");
      }
      limit += read;
    }
  }

  public int fieldCount() {
    return fieldCount;
  }

  /** The row's bytes (valid until the next call to {@link #next()}). */
  public byte[] bytes() {
    return buf;
  }

  public boolean isNull(int field) {
    return lengths[field] < 0;
  }

  /** Offset of the field's data in {@link #bytes()}; its 4-byte length precedes it. */
  public int offset(int field) {
    return offsets[field];
  }

  /** Length of the field's data, -1 for null. */
  public int length(int field) {
    return lengths[field];
  }

  public long getLong(int field) {
    requireLength(field, 8);
    return readLong(buf, offsets[field]);
  }

  public boolean getBoolean(int field) {
    requireLength(field, 1);
    return buf[offsets[field]] != 0;
  }

  /** A {@code timestamptz} as microseconds since 1970-01-01T00:00Z. */
  public long getEpochMicros(int field) {
    return getLong(field) + PG_EPOCH_MICROS;
  }

  /** A {@code uuid} field (16 bytes), or null. */
  public UUID getUuid(int field) {
    if (isNull(field)) {
      return null;
    }
    requireLength(field, 16);
    int o = offsets[field];
    return new UUID(readLong(buf, o), readLong(buf, o + 8));
  }

  /** A text field, decoded (for the slow paths only), or null. */
  public String getString(int field) {
    if (isNull(field)) {
      return null;
    }
    return new String(buf, offsets[field], lengths[field], java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A bytea field, copied, or null. */
  public byte[] getBytes(int field) {
    if (isNull(field)) {
      return null;
    }
    byte[] b = new byte[lengths[field]];
    System.arraycopy(buf, offsets[field], b, 0, b.length);
    return b;
  }

  private void requireLength(int field, int expected) {
    if (lengths[field] != expected) {
      throw new IllegalStateException("unexpected binary field length");
    }
  }

  static long readLong(byte[] b, int o) {
    return ((long) (b[o] & 0xFF) << 56)
        | ((long) (b[o + 1] & 0xFF) << 48)
        | ((long) (b[o + 2] & 0xFF) << 40)
        | ((long) (b[o + 3] & 0xFF) << 32)
        | ((long) (b[o + 4] & 0xFF) << 24)
        | ((long) (b[o + 5] & 0xFF) << 16)
        | ((long) (b[o + 6] & 0xFF) << 8)
        | ((long) (b[o + 7] & 0xFF));
  }

  /**
   * Ends the COPY; if rows remain unread, the driver cancels it, which aborts the transaction (call
   * {@link #drain()} first to keep using it).
   */
  @Override
  public void close() throws IOException {
    in.close();
  }
}
