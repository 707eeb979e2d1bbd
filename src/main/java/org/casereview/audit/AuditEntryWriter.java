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
 * <p>The statement first takes the shared side of the seal barrier (a transaction-scoped advisory
 * lock) and only then draws the entry's sequence number. The sealer briefly takes the exclusive
 * side before reading how far the sequence has gone, so that every entry numbered below that point
 * is either committed or rolled back when the sealer looks: nothing can commit behind the chain
 * head and stay unsealed (docs/adr/0004-audit-sealing.md).
 */
public final class AuditEntryWriter {

  /** Advisory lock key of the seal barrier (shared by writers, exclusive for the sealer). */
  public static final long SEAL_BARRIER_LOCK = 0x4d44_5441_5544_0001L;

  static final String INSERT =
      "INSERT INTO audit_entry (entry_seq, entry_id, event_code, refusal, request_id, member_id,"
          + " agency_id, roles, purpose, subject_id, case_id, record_id, break_glass,"
          + " break_glass_grant_id, policy_pack_version, fields, details)"
          + " SELECT nextval('audit_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
          + " FROM (SELECT pg_advisory_xact_lock_shared("
          + SEAL_BARRIER_LOCK
          + ") OFFSET 0)"
          + " AS seal_barrier";

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
