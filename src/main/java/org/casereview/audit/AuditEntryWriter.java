package org.casereview.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;
import org.casereview.audit.chain.ChainHasher;
import org.casereview.audit.chain.LogEntry;

/**
 * Appends one unsealed entry with plain JDBC, on the caller's connection and in the caller's
 * transaction. No CDI, so that the benchmark and load harness use exactly the service's code path.
 *
 * <p>The statement makes sure its transaction has a transaction id ({@code pg_current_xact_id()})
 * before it draws the entry's sequence number. The sealer reads how far the sequence has gone and
 * then waits until every transaction in progress at that moment has ended, so every entry numbered
 * up to that point is committed or rolled back before it seals past it: nothing can commit behind
 * the chain head and stay unsealed. Writers never wait for the sealer
 * (docs/adr/0004-audit-sealing.md).
 */
public final class AuditEntryWriter {

  static final String INSERT =
      "INSERT INTO audit_entry (entry_seq, entry_id, event_code, refusal, request_id, member_id,"
          + " agency_id, roles, purpose, subject_id, case_id, record_id, break_glass,"
          + " break_glass_grant_id, policy_pack_version, fields, details, entry_digest)"
          // The CASE evaluates its condition first: the transaction has its id before the number
          // is drawn. (pg_current_xact_id() is never null.) A plain VALUES row, not a SELECT over
          // a subquery, so each append plans and runs as the cheapest single-row INSERT does.
          + " VALUES (CASE WHEN pg_current_xact_id() IS NOT NULL THEN nextval('audit_entry_seq')"
          + " END, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * A hasher per thread: the writer is shared by every request thread and must not serialise them,
   * and a hasher's digest and buffer are worth keeping from one entry to the next.
   */
  private static final ThreadLocal<ChainHasher> HASHER = ThreadLocal.withInitial(ChainHasher::new);

  /** The INSERT statement, for callers that batch (benchmark fixtures). */
  public static String insertSql() {
    return INSERT;
  }

  /** Writes the entry and returns its id. The connection's transaction decides its fate. */
  public UUID append(Connection connection, AuditEvent event) throws SQLException {
    UUID entryId = UUID.randomUUID();
    LogEntry content = content(entryId, event);
    byte[] digest = HASHER.get().contentDigest(content);
    try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
      bind(ps, content, digest);
      ps.executeUpdate();
    }
    return entryId;
  }

  /**
   * The entry's content exactly as it will be stored and read back (number and time are the
   * database's, so they are zero here).
   */
  public static LogEntry content(UUID entryId, AuditEvent e) {
    return new LogEntry(
        0,
        entryId.toString(),
        0,
        e.type().code(),
        e.type().isRefusal(),
        e.requestId(),
        text(e.memberId()),
        text(e.agencyId()),
        AuditJson.write(e.roles()),
        e.purpose() == null ? null : e.purpose().name(),
        text(e.subjectId()),
        text(e.caseId()),
        text(e.recordId()),
        e.breakGlass(),
        text(e.breakGlassGrantId()),
        e.policyPackVersion(),
        AuditJson.write(e.fields()),
        AuditJson.write(e.details()));
  }

  /** Binds the 17 entry parameters (1-based, in INSERT order); shared with the baseline bench. */
  public static void bind(PreparedStatement ps, LogEntry c, byte[] digest) throws SQLException {
    int i = 1;
    ps.setObject(i++, UUID.fromString(c.entryId()));
    ps.setString(i++, c.eventCode());
    ps.setBoolean(i++, c.refusal());
    ps.setString(i++, c.requestId());
    setUuid(ps, i++, c.memberId());
    setUuid(ps, i++, c.agencyId());
    ps.setString(i++, c.roles());
    ps.setString(i++, c.purpose());
    setUuid(ps, i++, c.subjectId());
    setUuid(ps, i++, c.caseId());
    setUuid(ps, i++, c.recordId());
    ps.setBoolean(i++, c.breakGlass());
    setUuid(ps, i++, c.breakGlassGrantId());
    ps.setString(i++, c.policyPackVersion());
    ps.setString(i++, c.fields());
    ps.setString(i++, c.details());
    ps.setBytes(i, digest);
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }

  private static void setUuid(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.OTHER);
    } else {
      ps.setObject(index, UUID.fromString(value));
    }
  }
}
