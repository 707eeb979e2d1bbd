package org.casereview.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;

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
          + " break_glass_grant_id, policy_pack_version, fields, details)"
          + " SELECT nextval('audit_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
          + " FROM (SELECT pg_current_xact_id() OFFSET 0) AS xid_before_number";

  /** The INSERT statement, for callers that batch (benchmark fixtures). */
  public static String insertSql() {
    return INSERT;
  }

  /** Writes the entry and returns its id. The connection's transaction decides its fate. */
  public UUID append(Connection connection, AuditEvent event) throws SQLException {
    UUID entryId = UUID.randomUUID();
    try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
      bind(ps, entryId, event);
      ps.executeUpdate();
    }
    return entryId;
  }

  /** Binds the 16 entry parameters (1-based, in INSERT order); shared with the baseline bench. */
  public static void bind(PreparedStatement ps, UUID entryId, AuditEvent e) throws SQLException {
    int i = 1;
    ps.setObject(i++, entryId);
    ps.setString(i++, e.type().code());
    ps.setBoolean(i++, e.type().isRefusal());
    ps.setString(i++, e.requestId());
    setUuid(ps, i++, e.memberId());
    setUuid(ps, i++, e.agencyId());
    ps.setString(i++, AuditJson.write(e.roles()));
    ps.setString(i++, e.purpose() == null ? null : e.purpose().name());
    setUuid(ps, i++, e.subjectId());
    setUuid(ps, i++, e.caseId());
    setUuid(ps, i++, e.recordId());
    ps.setBoolean(i++, e.breakGlass());
    setUuid(ps, i++, e.breakGlassGrantId());
    ps.setString(i++, e.policyPackVersion());
    ps.setString(i++, AuditJson.write(e.fields()));
    ps.setString(i, AuditJson.write(e.details()));
  }

  private static void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.OTHER);
    } else {
      ps.setObject(index, value);
    }
  }
}
