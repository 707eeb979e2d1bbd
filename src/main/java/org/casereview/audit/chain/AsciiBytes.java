package org.casereview.audit.chain;

import java.nio.charset.StandardCharsets;

/**
 * Numbers, hex and uuids printed as ASCII straight into a byte array, without a String: the one
 * implementation behind the chain's byte-level hashing ({@link ChainHasher}) and the export's
 * NDJSON lines, which must print them exactly as {@code Long.toString}, {@code HexFormat} and
 * {@code UUID.toString} do. Each method writes at {@code pos} and returns the position after what
 * it wrote; the caller makes room (at most 20 bytes for a number, 36 for a uuid).
 */
public final class AsciiBytes {

  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MIN_LONG =
      Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

  /** Lowercase hex of every byte value, two bytes each. */
  private static final byte[] HEX_PAIRS = new byte[512];

  /** "00" .. "99", two bytes each: numbers are printed two digits per division. */
  private static final byte[] DIGIT_PAIRS = new byte[200];

  static {
    for (int i = 0; i < 256; i++) {
      HEX_PAIRS[2 * i] = HEX_DIGITS[i >>> 4];
      HEX_PAIRS[2 * i + 1] = HEX_DIGITS[i & 0xF];
    }
    for (int i = 0; i < 100; i++) {
      DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
      DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  private AsciiBytes() {}

  /** {@code src[offset..+count)} as lowercase hex, two bytes per byte. */
  public static int hex(byte[] src, int offset, int count, byte[] dst, int pos) {
    for (int i = 0; i < count; i++) {
      int x = (src[offset + i] & 0xFF) << 1;
      dst[pos] = HEX_PAIRS[x];
      dst[pos + 1] = HEX_PAIRS[x + 1];
      pos += 2;
    }
    return pos;
  }

  /** The 16 bytes at {@code src[offset]} as {@code UUID.toString()} text (36 bytes). */
  public static int uuid(byte[] src, int offset, byte[] dst, int pos) {
    pos = hex(src, offset, 4, dst, pos);
    dst[pos++] = '-';
    pos = hex(src, offset + 4, 2, dst, pos);
    dst[pos++] = '-';
    pos = hex(src, offset + 6, 2, dst, pos);
    dst[pos++] = '-';
    pos = hex(src, offset + 8, 2, dst, pos);
    dst[pos++] = '-';
    return hex(src, offset + 10, 6, dst, pos);
  }

  /** {@code Long.toString(v)}, at most 20 bytes. */
  public static int decimal(long v, byte[] dst, int pos) {
    if (v == Long.MIN_VALUE) {
      System.arraycopy(MIN_LONG, 0, dst, pos, MIN_LONG.length);
      return pos + MIN_LONG.length;
    }
    if (v < 0) {
      dst[pos++] = '-';
      v = -v;
    }
    int end = pos + digitCount(v);
    int i = end;
    while (v >= 100) {
      int pair = (int) (v % 100);
      v /= 100;
      dst[--i] = DIGIT_PAIRS[2 * pair + 1];
      dst[--i] = DIGIT_PAIRS[2 * pair];
    }
    int last = (int) v;
    dst[--i] = DIGIT_PAIRS[2 * last + 1];
    if (last >= 10) {
      dst[--i] = DIGIT_PAIRS[2 * last];
    }
    return end;
  }

  /** Decimal digits of a non-negative long (1 to 19). */
  private static int digitCount(long v) {
    int digits = 1;
    for (long bound = 10; digits < 19 && v >= bound; bound *= 10) {
      digits++;
    }
    return digits;
  }
}
