package org.casereview.audit.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.casereview.audit.chain.AsciiBytes;
import org.casereview.audit.chain.PgBinaryRows;

/**
 * Writes NDJSON export lines (the {@link ExportLine} form: same keys, same order, one object per
 * line) as UTF-8 bytes straight from the bytes of a binary COPY row, into its own buffer: no
 * String, JSON generator or object per entry. Text arrives as UTF-8 and is copied as it is
 * (characters outside the BMP included); only the quote, the backslash and control characters are
 * escaped, as JSON requires. The JSON columns (roles, fields, details) are written raw, exactly as
 * stored, as the Jackson writer did ({@code writeRawValue}). {@link ExportLine#parseJson} reads the
 * result.
 */
final class NdjsonLineWriter {

  private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = ascii("null");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");

  private static final byte[] K_POSITION = ascii("{\"position\":");
  private static final byte[] K_PREV = ascii(",\"prevHash\":\"");
  private static final byte[] K_HASH = ascii("\",\"hash\":\"");
  private static final byte[] K_SEQ = ascii("\",\"seq\":");
  private static final byte[] K_ENTRY_ID = ascii(",\"entryId\":");
  private static final byte[] K_RECORDED_AT = ascii(",\"recordedAt\":\"");
  private static final byte[] K_MICROS = ascii("\",\"recordedAtMicros\":");
  private static final byte[] K_EVENT_CODE = ascii(",\"eventCode\":");
  private static final byte[] K_EVENT_TYPE = ascii(",\"eventType\":");
  private static final byte[] K_REFUSAL = ascii(",\"refusal\":");
  private static final byte[] K_REQUEST_ID = ascii(",\"requestId\":");
  private static final byte[] K_MEMBER_ID = ascii(",\"memberId\":");
  private static final byte[] K_AGENCY_ID = ascii(",\"agencyId\":");
  private static final byte[] K_ROLES = ascii(",\"roles\":");
  private static final byte[] K_PURPOSE = ascii(",\"purpose\":");
  private static final byte[] K_SUBJECT_ID = ascii(",\"subjectId\":");
  private static final byte[] K_CASE_ID = ascii(",\"caseId\":");
  private static final byte[] K_RECORD_ID = ascii(",\"recordId\":");
  private static final byte[] K_BREAK_GLASS = ascii(",\"breakGlass\":");
  private static final byte[] K_GRANT_ID = ascii(",\"breakGlassGrantId\":");
  private static final byte[] K_PACK = ascii(",\"policyPackVersion\":");
  private static final byte[] K_FIELDS = ascii(",\"fields\":");
  private static final byte[] K_DETAILS = ascii(",\"details\":");
  private static final byte[] END = ascii("}\n");

  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private int n;

  // The last event code seen and its quoted type name (most lines share one).
  private byte[] lastCode = new byte[0];
  private byte[] lastTypeName = NULL;

  // The last minute printed, as "yyyy-MM-ddTHH:mm:" (most lines share one).
  private long cachedMinute = Long.MIN_VALUE;
  private byte[] cachedMinutePrefix;

  NdjsonLineWriter(OutputStream out) {
    this.out = out;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * One line: chain position, the previous and this link's hash (32 bytes each, at the offsets
   * given), and the entry whose {@code ChainHasher.BINARY_COLUMNS} start at field {@code base} of
   * the current row.
   */
  void line(
      long position,
      byte[] previousHash,
      int previousOffset,
      byte[] hash,
      int hashOffset,
      PgBinaryRows r,
      int base)
      throws IOException {
    // A line is at most about 6 times its stored bytes (every byte a six-character escape), plus
    // keys.
    int worst = 1024;
    for (int i = 0; i < 18; i++) {
      worst += Math.max(0, r.length(base + i)) * 6;
    }
    room(worst);
    put(K_POSITION);
    number(position);
    put(K_PREV);
    hex(previousHash, previousOffset, 32);
    put(K_HASH);
    hex(hash, hashOffset, 32);
    put(K_SEQ);
    number(r.getLong(base));
    put(K_ENTRY_ID);
    uuid(r, base + 1);
    long micros = r.getEpochMicros(base + 2);
    put(K_RECORDED_AT);
    isoTime(micros);
    put(K_MICROS);
    number(micros);
    put(K_EVENT_CODE);
    string(r, base + 3);
    put(K_EVENT_TYPE);
    put(typeName(r, base + 3));
    put(K_REFUSAL);
    put(r.getBoolean(base + 4) ? TRUE : FALSE);
    put(K_REQUEST_ID);
    string(r, base + 5);
    put(K_MEMBER_ID);
    uuid(r, base + 6);
    put(K_AGENCY_ID);
    uuid(r, base + 7);
    put(K_ROLES);
    raw(r, base + 8);
    put(K_PURPOSE);
    string(r, base + 9);
    put(K_SUBJECT_ID);
    uuid(r, base + 10);
    put(K_CASE_ID);
    uuid(r, base + 11);
    put(K_RECORD_ID);
    uuid(r, base + 12);
    put(K_BREAK_GLASS);
    put(r.getBoolean(base + 13) ? TRUE : FALSE);
    put(K_GRANT_ID);
    uuid(r, base + 14);
    put(K_PACK);
    string(r, base + 15);
    put(K_FIELDS);
    raw(r, base + 16);
    put(K_DETAILS);
    raw(r, base + 17);
    put(END);
  }

  void flush() throws IOException {
    if (n > 0) {
      out.write(buf, 0, n);
      n = 0;
    }
    out.flush();
  }

  private void room(int bytes) throws IOException {
    if (n + bytes > buf.length) {
      out.write(buf, 0, n);
      n = 0;
      if (bytes > buf.length) {
        throw new IOException("export line too long");
      }
    }
  }

  private void put(byte[] b) {
    System.arraycopy(b, 0, buf, n, b.length);
    n += b.length;
  }

  private void number(long v) {
    n = AsciiBytes.decimal(v, buf, n);
  }

  private void hex(byte[] b, int offset, int length) {
    n = AsciiBytes.hex(b, offset, length, buf, n);
  }

  private void uuid(PgBinaryRows r, int field) {
    if (r.isNull(field)) {
      put(NULL);
      return;
    }
    if (r.length(field) != 16) {
      throw new IllegalStateException("unexpected uuid length");
    }
    buf[n++] = '"';
    n = AsciiBytes.uuid(r.bytes(), r.offset(field), buf, n);
    buf[n++] = '"';
  }

  /** A JSON column, as stored. */
  private void raw(PgBinaryRows r, int field) {
    if (r.isNull(field)) {
      put(NULL);
      return;
    }
    int length = r.length(field);
    System.arraycopy(r.bytes(), r.offset(field), buf, n, length);
    n += length;
  }

  /** A text column as a JSON string (UTF-8 kept as it is; quote, backslash, controls escaped). */
  private void string(PgBinaryRows r, int field) {
    if (r.isNull(field)) {
      put(NULL);
      return;
    }
    byte[] in = r.bytes();
    int from = r.offset(field);
    int to = from + r.length(field);
    buf[n++] = '"';
    for (int i = from; i < to; i++) {
      byte b = in[i];
      if (b == '"' || b == '\\') {
        buf[n++] = '\\';
        buf[n++] = b;
      } else if (b >= 0 && b < 0x20) {
        buf[n++] = '\\';
        switch (b) {
          case '\n' -> buf[n++] = 'n';
          case '\r' -> buf[n++] = 'r';
          case '\t' -> buf[n++] = 't';
          case '\b' -> buf[n++] = 'b';
          case '\f' -> buf[n++] = 'f';
          default -> {
            buf[n++] = 'u';
            buf[n++] = '0';
            buf[n++] = '0';
            buf[n++] = UPPER_HEX[b >>> 4];
            buf[n++] = UPPER_HEX[b & 0xF];
          }
        }
      } else {
        buf[n++] = b; // ASCII, or a byte of a multi-byte UTF-8 sequence
      }
    }
    buf[n++] = '"';
  }

  /** The quoted event type name for the row's code, or null for an unknown code. */
  private byte[] typeName(PgBinaryRows r, int field) {
    if (r.isNull(field)) {
      return NULL;
    }
    byte[] in = r.bytes();
    int o = r.offset(field);
    int length = r.length(field);
    if (!java.util.Arrays.equals(in, o, o + length, lastCode, 0, lastCode.length)) {
      lastCode = java.util.Arrays.copyOfRange(in, o, o + length);
      String name = ExportLine.eventName(new String(lastCode, StandardCharsets.UTF_8));
      lastTypeName = name == null ? NULL : ascii("\"" + name + "\"");
    }
    return lastTypeName;
  }

  /** {@code Instant.toString()} of the time, without making an Instant for each line. */
  private void isoTime(long micros) {
    long minute = Math.floorDiv(micros, 60_000_000L);
    if (minute != cachedMinute) {
      String minuteStart = ExportLine.isoTime(minute * 60_000_000L);
      // "yyyy-MM-ddTHH:mm:00Z" for the years 0000-9999; anything else goes the slow way.
      if (minuteStart.length() != 20
          || minuteStart.charAt(0) == '+'
          || minuteStart.charAt(0) == '-') {
        put(ascii(ExportLine.isoTime(micros)));
        return;
      }
      cachedMinute = minute;
      cachedMinutePrefix = ascii(minuteStart.substring(0, 17));
    }
    put(cachedMinutePrefix);
    long inMinute = micros - minute * 60_000_000L; // 0 .. 59,999,999
    int seconds = (int) (inMinute / 1_000_000);
    int fraction = (int) (inMinute % 1_000_000);
    buf[n++] = (byte) ('0' + seconds / 10);
    buf[n++] = (byte) ('0' + seconds % 10);
    if (fraction != 0) {
      // ISO_INSTANT prints the nanoseconds in groups of three digits, as few groups as needed.
      buf[n++] = '.';
      int digits = fraction % 1000 == 0 ? 3 : 6;
      int value = digits == 3 ? fraction / 1000 : fraction;
      for (int i = n + digits - 1; i >= n; i--) {
        buf[i] = (byte) ('0' + value % 10);
        value /= 10;
      }
      n += digits;
    }
    buf[n++] = 'Z';
  }

  /** For tests: the same as {@link ExportLine#isoTime(long)}. */
  static String isoTimeOf(long micros) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    NdjsonLineWriter w = new NdjsonLineWriter(bytes);
    w.isoTime(micros);
    try {
      w.flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }
}
