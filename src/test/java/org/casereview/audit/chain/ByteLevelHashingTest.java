package org.casereview.audit.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The byte-level hashing of binary COPY rows (verification, sealing) gives exactly the hashes of
 * the String-based canonical form (writer, offline verifier, docs/adr/0004), for every kind of
 * value.
 */
class ByteLevelHashingTest {

  static LogEntry typical(long seq, long micros) {
    return new LogEntry(
        seq,
        UUID.randomUUID().toString(),
        micros,
        "D100",
        false,
        "req-" + UUID.randomUUID(),
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString(),
        "[\"mdt-member\"]",
        "CASE_REVIEW",
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString(),
        false,
        null,
        "default-2026.1",
        "[{\"field\":\"exam.date\",\"category\":\"HEALTH\",\"outcome\":\"RELEASED\"}]",
        "{}");
  }

  /** Nulls wherever allowed, empty strings, quotes, controls, non-ASCII and non-BMP text. */
  static LogEntry awkward(long seq, long micros) {
    return new LogEntry(
        seq,
        UUID.randomUUID().toString(),
        micros,
        "R100",
        true,
        "q\"uo\\te\n\t\u0001\u001f \u00e9\u4e2d\ud83d\ude00",
        null,
        null,
        "[]",
        null,
        null,
        null,
        null,
        true,
        UUID.randomUUID().toString(),
        "",
        "[]",
        "{\"reason\":\"caf\u00e9 \ud83d\ude00 \\\"x\\\"\"}");
  }

  @Test
  void contentDigestAndLink_fromBinaryRows_equalTheStringForm() throws Exception {
    List<LogEntry> entries =
        List.of(
            typical(1, 1_764_000_000_123_456L),
            awkward(2, 1_764_000_000_000_000L),
            typical(9_999_999_999L, 0),
            awkward(3, -1_000_000L));
    ChainHasher strings = new ChainHasher();
    ChainHasher bytes = new ChainHasher();
    byte[] digest = new byte[32];
    byte[] link = new byte[32];
    byte[] previous = new byte[32];
    previous[5] = 7;
    long position = 41;
    try (PgBinaryRows rows = BinaryRowsFixture.rows(entries)) {
      for (LogEntry e : entries) {
        assertTrue(rows.next());
        assertEquals(e.seq(), rows.getLong(0));
        assertEquals(e.recordedAtMicros(), rows.getEpochMicros(2));
        bytes.contentDigest(rows, 0, digest, 0);
        assertArrayEquals(strings.contentDigest(e), digest, "content digest");
        bytes.link(previous, 0, position, e.seq(), e.recordedAtMicros(), digest, 0, link, 0);
        assertArrayEquals(strings.link(previous, position, e), link, "link hash");
        assertEquals(e, LogEntry.read(rows, 0), "slow path reads the same entry");
        previous = link.clone();
        position *= 31;
      }
      assertFalse(rows.next());
    }
  }

  @Test
  void rowsLargerThanTheBuffer_areRead() throws Exception {
    StringBuilder big = new StringBuilder("[");
    for (int i = 0; i < 5000; i++) {
      big.append("{\"field\":\"f").append(i).append("\"},");
    }
    big.setLength(big.length() - 1);
    big.append(']');
    LogEntry e = typical(5, 10);
    LogEntry large =
        new LogEntry(
            e.seq(),
            e.entryId(),
            e.recordedAtMicros(),
            e.eventCode(),
            e.refusal(),
            e.requestId(),
            e.memberId(),
            e.agencyId(),
            e.roles(),
            e.purpose(),
            e.subjectId(),
            e.caseId(),
            e.recordId(),
            e.breakGlass(),
            e.breakGlassGrantId(),
            e.policyPackVersion(),
            big.toString(),
            e.details());
    try (PgBinaryRows rows = BinaryRowsFixture.rows(List.of(e, large, e, large))) {
      byte[] digest = new byte[32];
      ChainHasher hasher = new ChainHasher();
      for (LogEntry expected : List.of(e, large, e, large)) {
        assertTrue(rows.next());
        hasher.contentDigest(rows, 0, digest, 0);
        assertArrayEquals(new ChainHasher().contentDigest(expected), digest);
      }
      assertFalse(rows.next());
    }
  }
}
