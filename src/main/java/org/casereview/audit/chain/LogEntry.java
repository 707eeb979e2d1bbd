package org.casereview.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One audit entry exactly as stored: the input of its canonical form. Ids are kept as the text
 * PostgreSQL prints for them (lowercase, hyphenated) and the time as microseconds since the epoch,
 * so that the service and the offline verifier derive the same bytes without any parsing choices.
 */
public record LogEntry(
    long seq,
    String entryId,
    long recordedAtMicros,
    String eventCode,
    boolean refusal,
    String requestId,
    String memberId,
    String agencyId,
    String roles,
    String purpose,
    String subjectId,
    String caseId,
    String recordId,
    boolean breakGlass,
    String breakGlassGrantId,
    String policyPackVersion,
    String fields,
    String details) {

  /** The select list that {@link #read(ResultSet, int)} expects, for table alias {@code e}. */
  public static final String COLUMNS =
      "e.entry_seq, e.entry_id::text, (EXTRACT(EPOCH FROM e.recorded_at) * 1000000)::bigint,"
          + " e.event_code, e.refusal, e.request_id, e.member_id::text, e.agency_id::text,"
          + " e.roles, e.purpose, e.subject_id::text, e.case_id::text, e.record_id::text,"
          + " e.break_glass, e.break_glass_grant_id::text, e.policy_pack_version, e.fields,"
          + " e.details";

  /** Number of columns in {@link #COLUMNS}. */
  public static final int COLUMN_COUNT = 18;

  /** Reads the {@link #COLUMNS} starting at 1-based column {@code first}. */
  public static LogEntry read(ResultSet rs, int first) throws SQLException {
    int i = first;
    return new LogEntry(
        rs.getLong(i++),
        rs.getString(i++),
        rs.getLong(i++),
        rs.getString(i++),
        rs.getBoolean(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getBoolean(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i));
  }

  /**
   * Reads the {@link ChainHasher#BINARY_COLUMNS} starting at field {@code base} of a binary COPY
   * row (the slow path: Strings for every column).
   */
  public static LogEntry read(PgBinaryRows r, int base) {
    int i = base;
    return new LogEntry(
        r.getLong(i),
        text(r.getUuid(i + 1)),
        r.getEpochMicros(i + 2),
        r.getString(i + 3),
        r.getBoolean(i + 4),
        r.getString(i + 5),
        text(r.getUuid(i + 6)),
        text(r.getUuid(i + 7)),
        r.getString(i + 8),
        r.getString(i + 9),
        text(r.getUuid(i + 10)),
        text(r.getUuid(i + 11)),
        text(r.getUuid(i + 12)),
        r.getBoolean(i + 13),
        text(r.getUuid(i + 14)),
        r.getString(i + 15),
        r.getString(i + 16),
        r.getString(i + 17));
  }

  private static String text(java.util.UUID id) {
    return id == null ? null : id.toString();
  }

  @Override
  public String toString() {
    // Entries hold no confidential values, but keep log lines short and uniform.
    return "LogEntry[" + seq + " " + eventCode + "]";
  }
}
