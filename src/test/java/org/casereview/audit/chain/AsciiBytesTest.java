package org.casereview.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The byte-level printers give exactly the JDK's text, at an offset, and say where they ended. */
class AsciiBytesTest {

  @Test
  void decimal_isLongToString() {
    long[] values = {
      0,
      1,
      9,
      10,
      99,
      100,
      101,
      999,
      1000,
      -1,
      -10,
      -99,
      -100,
      1_764_000_000_000_000L,
      999_999_999_999_999_999L,
      1_000_000_000_000_000_000L,
      Long.MAX_VALUE,
      Long.MIN_VALUE,
      Long.MIN_VALUE + 1
    };
    for (long v : values) {
      byte[] out = new byte[3 + 20];
      int end = AsciiBytes.decimal(v, out, 3);
      assertEquals(Long.toString(v), new String(out, 3, end - 3, StandardCharsets.US_ASCII));
    }
    for (long p = 1; p > 0 && p < Long.MAX_VALUE / 10; p *= 10) {
      for (long v : new long[] {p - 1, p, p + 1, -p}) {
        byte[] out = new byte[20];
        int end = AsciiBytes.decimal(v, out, 0);
        assertEquals(Long.toString(v), new String(out, 0, end, StandardCharsets.US_ASCII));
      }
    }
  }

  @Test
  void uuidAndHex_areTheJdksText() {
    for (int i = 0; i < 100; i++) {
      UUID id = UUID.randomUUID();
      byte[] raw =
          ByteBuffer.allocate(18)
              .putShort((short) 7)
              .putLong(id.getMostSignificantBits())
              .putLong(id.getLeastSignificantBits())
              .array();
      byte[] out = new byte[1 + 36];
      assertEquals(37, AsciiBytes.uuid(raw, 2, out, 1));
      assertEquals(id.toString(), new String(out, 1, 36, StandardCharsets.US_ASCII));
      byte[] hex = new byte[36];
      assertEquals(36, AsciiBytes.hex(raw, 0, 18, hex, 0));
      assertEquals(HexFormat.of().formatHex(raw), new String(hex, StandardCharsets.US_ASCII));
    }
  }
}
