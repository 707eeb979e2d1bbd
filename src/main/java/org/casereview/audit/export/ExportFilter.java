package org.casereview.audit.export;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.casereview.audit.AuditEventType;
import org.casereview.audit.chain.AuditKeys;

/**
 * What an auditor asks to export. Every criterion is optional; criteria combine with AND.
 *
 * @param from entries recorded at or after this instant
 * @param to entries recorded before this instant
 * @param agencyId the acting member's agency
 * @param memberId the acting member
 * @param subjectId the youth the entry is about
 * @param caseId the case the entry is about
 * @param eventType one event type
 * @param breakGlassOnly only emergency accesses
 * @param refusalsOnly only refusals
 */
public record ExportFilter(
    Instant from,
    Instant to,
    UUID agencyId,
    UUID memberId,
    UUID subjectId,
    UUID caseId,
    AuditEventType eventType,
    boolean breakGlassOnly,
    boolean refusalsOnly) {

  public ExportFilter {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  public static ExportFilter everything() {
    return new ExportFilter(null, null, null, null, null, null, null, false, false);
  }

  /** True when no criterion is set: the export is then a contiguous run of the chain. */
  public boolean isEverything() {
    return canonical().isEmpty();
  }

  /**
   * The criteria that are set, by name, sorted: the form recorded in and signed with the manifest.
   */
  public Map<String, String> canonical() {
    Map<String, String> m = new TreeMap<>();
    if (from != null) m.put("from", from.toString());
    if (to != null) m.put("to", to.toString());
    if (agencyId != null) m.put("agencyId", agencyId.toString());
    if (memberId != null) m.put("memberId", memberId.toString());
    if (subjectId != null) m.put("subjectId", subjectId.toString());
    if (caseId != null) m.put("caseId", caseId.toString());
    if (eventType != null) m.put("eventType", eventType.code());
    if (breakGlassOnly) m.put("breakGlassOnly", "true");
    if (refusalsOnly) m.put("refusalsOnly", "true");
    return m;
  }

  /**
   * The conditions on alias {@code e}, with the values written as SQL literals, for a COPY (which
   * takes no parameters). Every value is typed (instants, UUIDs, an enum's code), so its text is
   * one of a few fixed shapes and can carry nothing else. These conditions decide what matches; the
   * {@link #drivingKey() driving key} only narrows where to look.
   */
  String sqlLiterals() {
    StringBuilder where = new StringBuilder();
    if (from != null) {
      where.append(" AND e.recorded_at >= timestamptz '").append(from).append("'");
    }
    if (to != null) {
      where.append(" AND e.recorded_at < timestamptz '").append(to).append("'");
    }
    if (agencyId != null) {
      where.append(" AND e.agency_id = '").append(agencyId).append("'::uuid");
    }
    if (memberId != null) {
      where.append(" AND e.member_id = '").append(memberId).append("'::uuid");
    }
    if (subjectId != null) {
      where.append(" AND e.subject_id = '").append(subjectId).append("'::uuid");
    }
    if (caseId != null) {
      where.append(" AND e.case_id = '").append(caseId).append("'::uuid");
    }
    if (eventType != null) {
      where.append(" AND e.event_code = '").append(checkedCode()).append("'");
    }
    if (breakGlassOnly) {
      where.append(" AND e.break_glass");
    }
    if (refusalsOnly) {
      where.append(" AND e.refusal");
    }
    return where.toString();
  }

  /** The kind and stored text of an {@link AuditKeys} key. */
  record DrivingKey(AuditKeys.Kind kind, String key) {}

  /**
   * The criterion whose filter keys find the candidate entries (the narrowest one set: a case, a
   * youth, a member, an agency, then a rare event type or flag), or null when only time and the
   * bulk event type (D100) are asked, which walk the chain.
   */
  DrivingKey drivingKey() {
    if (caseId != null) return new DrivingKey(AuditKeys.Kind.CASE, caseId.toString());
    if (subjectId != null) return new DrivingKey(AuditKeys.Kind.SUBJECT, subjectId.toString());
    if (memberId != null) return new DrivingKey(AuditKeys.Kind.MEMBER, memberId.toString());
    if (agencyId != null) return new DrivingKey(AuditKeys.Kind.AGENCY, agencyId.toString());
    if (eventType != null && eventType != AuditEventType.DISCLOSURE) {
      return new DrivingKey(AuditKeys.Kind.EVENT, checkedCode());
    }
    if (refusalsOnly) return new DrivingKey(AuditKeys.Kind.FLAG, AuditKeys.REFUSAL);
    if (breakGlassOnly) return new DrivingKey(AuditKeys.Kind.FLAG, AuditKeys.BREAK_GLASS);
    return null;
  }

  private String checkedCode() {
    String code = eventType.code();
    if (!code.matches("[A-Z][0-9]{3}")) {
      throw new IllegalStateException("unexpected event code");
    }
    return code;
  }
}
