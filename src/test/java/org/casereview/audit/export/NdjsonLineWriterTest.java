package org.casereview.audit.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.casereview.audit.AuditJson;
import org.casereview.audit.chain.BinaryRowsFixture;
import org.casereview.audit.chain.ChainHasher;
import org.casereview.audit.chain.LogEntry;
import org.casereview.audit.chain.PgBinaryRows;
import org.junit.jupiter.api.Test;

/**
 * The hand-written NDJSON writer produces lines that the offline verifier's parser reads back to
 * the very entry (so the chain hash recomputes), and, for ordinary text, byte for byte what the
 * Jackson writer produced before.
 */
class NdjsonLineWriterTest {

  private static LogEntry entry(String requestId, String details, long micros) {
    return new LogEntry(
        42,
        "0b7e8a3c-1d2e-4f50-8a6b-7c8d9e0f1a2b",
        micros,
        "D100",
        false,
        requestId,
        "b0000000-0000-4000-8000-000000000006",
        "a0000000-0000-4000-8000-000000000006",
        "[\"mdt-member\"]",
        "CASE_REVIEW",
        "c0000000-0000-4000-8000-000000000001",
        null,
        "d0000000-0000-4000-8000-000000000001",
        false,
        null,
        "default-2026.1",
        "[{\"field\":\"exam.date\",\"category\":\"HEALTH\",\"outcome\":\"RELEASED\"}]",
        details);
  }

  private static byte[] hash(int seed) {
    byte[] h = new byte[32];
    for (int i = 0; i < 32; i++) {
      h[i] = (byte) (seed * 31 + i * 7);
    }
    return h;
  }

  private static String written(List<LogEntry> entries, long position) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NdjsonLineWriter w = new NdjsonLineWriter(out);
    try (PgBinaryRows rows = BinaryRowsFixture.rows(entries)) {
      long p = position;
      while (rows.next()) {
        w.line(p, hash(1), 0, hash(2), 0, rows, 0);
        p++;
      }
    }
    w.flush();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String jackson(LogEntry e, long position) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonGenerator g = AuditJson.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8);
    g.setRootValueSeparator(null);
    new ExportLine(position, hash(1), hash(2), e).writeJson(g);
    g.writeRaw('\n');
    g.flush();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void ordinaryEntries_sameBytesAsTheJacksonWriter() throws Exception {
    for (long micros :
        new long[] {
          1_764_000_000_123_456L, // six digits of fraction
          1_764_000_000_123_000L, // three
          1_764_000_000_000_000L, // none
          1_764_000_059_999_999L, // end of a minute
          0L,
          -1L
        }) {
      LogEntry e = entry("req-1", "{}", micros);
      assertEquals(jackson(e, 7), written(List.of(e), 7), "at " + micros);
    }
  }

  @Test
  void awkwardText_roundTripsThroughTheVerifiersParser() throws Exception {
    String nasty =
        "q\"uo\\te\n\r\t\b\f\u0001\u001f\u007f \u00e9\u4e2d\ud83d\ude00 \u2028 </script>";
    LogEntry e =
        entry(nasty, "{\"reason\":\"caf\u00e9 \ud83d\ude00 \\\"x\\\" \\n\"}", 1_764_000_000_5L);
    String line = written(List.of(e), 3);
    assertTrue(line.endsWith("\n"));
    assertEquals(1, line.split("\n", -1).length - 1, "one line, no raw newline inside");
    ExportLine parsed = ExportLine.parseJson(line.substring(0, line.length() - 1));
    assertEquals(e, parsed.entry());
    assertEquals(3, parsed.position());
    assertArrayEquals(hash(1), parsed.previousHash());
    assertArrayEquals(hash(2), parsed.hash());
    ChainHasher h = new ChainHasher();
    assertArrayEquals(h.contentDigest(e), h.contentDigest(parsed.entry()));
    // Characters outside the BMP stay raw UTF-8 (4 bytes), not escaped surrogate pairs.
    assertTrue(line.contains("\ud83d\ude00"));
    assertTrue(line.contains("\\u0001") && line.contains("\\u001F"));
  }

  @Test
  void manyLines_flushThroughTheBuffer() throws Exception {
    List<LogEntry> entries = new java.util.ArrayList<>();
    for (int i = 0; i < 500; i++) {
      entries.add(entry("req-" + i, "{}", 1_764_000_000_000_000L + i * 1_234_567L));
    }
    String all = written(entries, 1);
    String[] lines = all.split("\n");
    assertEquals(500, lines.length);
    for (int i = 0; i < 500; i++) {
      assertEquals(jackson(entries.get(i), 1 + i), lines[i] + "\n");
    }
  }
}
