package org.casereview.audit.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.casereview.audit.AuditEventType;
import org.casereview.audit.AuditJson;
import org.casereview.audit.chain.LogEntry;

/**
 * One sealed entry as exported: the entry, its chain position, its chain hash and the hash before
 * it, so that each line can be re-hashed with nothing but the line. The NDJSON and CSV encodings
 * live here, next to their parsers, so that writer and offline verifier cannot drift apart.
 */
public record ExportLine(long position, byte[] previousHash, byte[] hash, LogEntry entry) {

  private static final HexFormat HEX = HexFormat.of();

  /** Column order of the CSV export (and key order of the NDJSON export). */
  public static final List<String> COLUMNS =
      List.of(
          "position",
          "prevHash",
          "hash",
          "seq",
          "entryId",
          "recordedAt",
          "recordedAtMicros",
          "eventCode",
          "eventType",
          "refusal",
          "requestId",
          "memberId",
          "agencyId",
          "roles",
          "purpose",
          "subjectId",
          "caseId",
          "recordId",
          "breakGlass",
          "breakGlassGrantId",
          "policyPackVersion",
          "fields",
          "details");

  static String isoTime(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).toString();
  }

  static String eventName(String code) {
    try {
      return AuditEventType.fromCode(code).name();
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  // ---------------------------------------------------------------- NDJSON

  /** Writes the line as one JSON object (no newline). */
  public void writeJson(JsonGenerator g) throws IOException {
    LogEntry e = entry;
    g.writeStartObject();
    g.writeNumberField("position", position);
    g.writeStringField("prevHash", HEX.formatHex(previousHash));
    g.writeStringField("hash", HEX.formatHex(hash));
    g.writeNumberField("seq", e.seq());
    g.writeStringField("entryId", e.entryId());
    g.writeStringField("recordedAt", isoTime(e.recordedAtMicros()));
    g.writeNumberField("recordedAtMicros", e.recordedAtMicros());
    g.writeStringField("eventCode", e.eventCode());
    g.writeStringField("eventType", eventName(e.eventCode()));
    g.writeBooleanField("refusal", e.refusal());
    g.writeStringField("requestId", e.requestId());
    g.writeStringField("memberId", e.memberId());
    g.writeStringField("agencyId", e.agencyId());
    g.writeFieldName("roles");
    g.writeRawValue(e.roles());
    g.writeStringField("purpose", e.purpose());
    g.writeStringField("subjectId", e.subjectId());
    g.writeStringField("caseId", e.caseId());
    g.writeStringField("recordId", e.recordId());
    g.writeBooleanField("breakGlass", e.breakGlass());
    g.writeStringField("breakGlassGrantId", e.breakGlassGrantId());
    g.writeStringField("policyPackVersion", e.policyPackVersion());
    g.writeFieldName("fields");
    g.writeRawValue(e.fields());
    g.writeFieldName("details");
    g.writeRawValue(e.details());
    g.writeEndObject();
  }

  /** Parses one NDJSON line; IllegalArgumentException when it is not a well-formed line. */
  public static ExportLine parseJson(String line) {
    try {
      JsonNode n = AuditJson.mapper().readTree(line);
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      LogEntry e =
          new LogEntry(
              requiredLong(n, "seq"),
              text(n, "entryId"),
              requiredLong(n, "recordedAtMicros"),
              text(n, "eventCode"),
              requiredBoolean(n, "refusal"),
              text(n, "requestId"),
              text(n, "memberId"),
              text(n, "agencyId"),
              json(n, "roles"),
              text(n, "purpose"),
              text(n, "subjectId"),
              text(n, "caseId"),
              text(n, "recordId"),
              requiredBoolean(n, "breakGlass"),
              text(n, "breakGlassGrantId"),
              text(n, "policyPackVersion"),
              json(n, "fields"),
              json(n, "details"));
      return new ExportLine(
          requiredLong(n, "position"),
          HEX.parseHex(text(n, "prevHash")),
          HEX.parseHex(text(n, "hash")),
          e);
    } catch (IOException | NullPointerException e) {
      throw new IllegalArgumentException("malformed export line");
    }
  }

  private static long requiredLong(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("malformed export line");
    }
    return v.longValue();
  }

  private static boolean requiredBoolean(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || !v.isBoolean()) {
      throw new IllegalArgumentException("malformed export line");
    }
    return v.booleanValue();
  }

  private static String text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("malformed export line");
    }
    return v.textValue();
  }

  /** The stored JSON text of a structured column, re-serialised in the one AuditJson form. */
  private static String json(JsonNode n, String name) throws IOException {
    JsonNode v = n.get(name);
    if (v == null) {
      throw new IllegalArgumentException("malformed export line");
    }
    return AuditJson.mapper().writeValueAsString(v);
  }

  // ---------------------------------------------------------------- CSV

  public static String csvHeader() {
    return String.join(",", COLUMNS) + "\r\n";
  }

  /** The CSV record (with CRLF). Null is an empty unquoted cell; every string is quoted. */
  public String toCsv() {
    LogEntry e = entry;
    StringBuilder b = new StringBuilder(512);
    b.append(position).append(',');
    quote(b, HEX.formatHex(previousHash)).append(',');
    quote(b, HEX.formatHex(hash)).append(',');
    b.append(e.seq()).append(',');
    quote(b, e.entryId()).append(',');
    quote(b, isoTime(e.recordedAtMicros())).append(',');
    b.append(e.recordedAtMicros()).append(',');
    quote(b, e.eventCode()).append(',');
    quote(b, eventName(e.eventCode())).append(',');
    b.append(e.refusal()).append(',');
    quote(b, e.requestId()).append(',');
    quote(b, e.memberId()).append(',');
    quote(b, e.agencyId()).append(',');
    quote(b, e.roles()).append(',');
    quote(b, e.purpose()).append(',');
    quote(b, e.subjectId()).append(',');
    quote(b, e.caseId()).append(',');
    quote(b, e.recordId()).append(',');
    b.append(e.breakGlass()).append(',');
    quote(b, e.breakGlassGrantId()).append(',');
    quote(b, e.policyPackVersion()).append(',');
    quote(b, e.fields()).append(',');
    quote(b, e.details());
    return b.append("\r\n").toString();
  }

  private static StringBuilder quote(StringBuilder b, String s) {
    if (s == null) {
      return b;
    }
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"') {
        b.append('"');
      }
      b.append(ch);
    }
    return b.append('"');
  }

  /** Parses one CSV record (without its line end); IllegalArgumentException if malformed. */
  public static ExportLine parseCsv(String record) {
    List<String> cells = splitCsv(record);
    if (cells.size() != COLUMNS.size()) {
      throw new IllegalArgumentException("malformed export line");
    }
    try {
      LogEntry e =
          new LogEntry(
              Long.parseLong(cells.get(3)),
              cells.get(4),
              Long.parseLong(cells.get(6)),
              cells.get(7),
              bool(cells.get(9)),
              cells.get(10),
              cells.get(11),
              cells.get(12),
              cells.get(13),
              cells.get(14),
              cells.get(15),
              cells.get(16),
              cells.get(17),
              bool(cells.get(18)),
              cells.get(19),
              cells.get(20),
              cells.get(21),
              cells.get(22));
      return new ExportLine(
          Long.parseLong(cells.get(0)), HEX.parseHex(cells.get(1)), HEX.parseHex(cells.get(2)), e);
    } catch (NumberFormatException | NullPointerException ex) {
      throw new IllegalArgumentException("malformed export line");
    }
  }

  private static boolean bool(String s) {
    if ("true".equals(s)) return true;
    if ("false".equals(s)) return false;
    throw new IllegalArgumentException("malformed export line");
  }

  /** RFC 4180 cells; an empty unquoted cell is null, a quoted one is a string. */
  private static List<String> splitCsv(String record) {
    List<String> cells = new ArrayList<>(COLUMNS.size());
    int i = 0;
    int n = record.length();
    while (true) {
      if (i < n && record.charAt(i) == '"') {
        StringBuilder cell = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException("malformed export line");
          }
          char ch = record.charAt(i++);
          if (ch == '"') {
            if (i < n && record.charAt(i) == '"') {
              cell.append('"');
              i++;
            } else {
              break;
            }
          } else {
            cell.append(ch);
          }
        }
        cells.add(cell.toString());
      } else {
        int comma = record.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        String raw = record.substring(i, end);
        cells.add(raw.isEmpty() ? null : raw);
        i = end;
      }
      if (i >= n) {
        return cells;
      }
      if (record.charAt(i) != ',') {
        throw new IllegalArgumentException("malformed export line");
      }
      i++;
      if (i == n) {
        cells.add(null);
        return cells;
      }
    }
  }
}
