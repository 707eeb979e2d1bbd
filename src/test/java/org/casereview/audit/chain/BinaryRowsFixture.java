package org.casereview.audit.chain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Builds the binary COPY stream PostgreSQL sends for {@link ChainHasher#BINARY_COLUMNS}, so that
 * the byte-level paths can be compared with the String paths without a database.
 */
public final class BinaryRowsFixture {

  private BinaryRowsFixture() {}

  /** A binary COPY stream of these entries, each with {@code prefix} link fields before it. */
  public static PgBinaryRows rows(List<LogEntry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0});
    out.writeBytes(new byte[8]);
    for (LogEntry e : entries) {
      out.writeBytes(new byte[] {0, 18});
      int8(out, e.seq());
      uuid(out, e.entryId());
      int8(out, e.recordedAtMicros() - PgBinaryRows.PG_EPOCH_MICROS);
      text(out, e.eventCode());
      bool(out, e.refusal());
      text(out, e.requestId());
      uuid(out, e.memberId());
      uuid(out, e.agencyId());
      text(out, e.roles());
      text(out, e.purpose());
      uuid(out, e.subjectId());
      uuid(out, e.caseId());
      uuid(out, e.recordId());
      bool(out, e.breakGlass());
      uuid(out, e.breakGlassGrantId());
      text(out, e.policyPackVersion());
      text(out, e.fields());
      text(out, e.details());
    }
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF});
    try {
      return PgBinaryRows.of(new ByteArrayInputStream(out.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void length(ByteArrayOutputStream out, int n) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(n).array());
  }

  private static void int8(ByteArrayOutputStream out, long v) {
    length(out, 8);
    out.writeBytes(ByteBuffer.allocate(8).putLong(v).array());
  }

  private static void bool(ByteArrayOutputStream out, boolean v) {
    length(out, 1);
    out.write(v ? 1 : 0);
  }

  private static void text(ByteArrayOutputStream out, String s) {
    if (s == null) {
      length(out, -1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    length(out, b.length);
    out.writeBytes(b);
  }

  private static void uuid(ByteArrayOutputStream out, String s) {
    if (s == null) {
      length(out, -1);
      return;
    }
    UUID u = UUID.fromString(s);
    length(out, 16);
    out.writeBytes(
        ByteBuffer.allocate(16)
            .putLong(u.getMostSignificantBits())
            .putLong(u.getLeastSignificantBits())
            .array());
  }
}
