package org.casereview.audit;

/**
 * What an audit entry records. Each type carries an explicit, stable code that is what the log
 * stores and exports: codes are never reused or renumbered, and the enum ordinal is never
 * persisted, so types can be added or reordered here without changing the meaning of old entries.
 */
public enum AuditEventType {
  /** Fields of a record were released to a member (some may have been withheld). */
  DISCLOSURE("D100"),
  /** A read was refused outright: nothing was released. */
  REFUSAL("R100"),
  /** An agency added a record to a case. */
  RECORD_ADDED("W100"),
  /** A consent directive was recorded. */
  CONSENT_GRANTED("W200"),
  /** A consent directive was revoked. */
  CONSENT_REVOKED("W210"),
  /** A consent directive reached the end of its validity window. */
  CONSENT_EXPIRED("W220"),
  /** A coordinator previewed what an agency would see of a case (no values disclosed). */
  POLICY_PREVIEWED("P900"),
  /** A subject's key was destroyed, making their encrypted fields unreadable. */
  SUBJECT_SHREDDED("W300"),
  /** An administrator erased a youth (the reason code and how many subjects were shredded). */
  ERASURE_REQUESTED("W310"),
  /** A data or signing key was rotated. */
  KEY_ROTATED("K100"),
  /** An agency's MOU was created, amended or ended. */
  MOU_CHANGED("M100"),
  /** A member claimed an emergency and was granted break-glass access. */
  BREAK_GLASS_GRANTED("B100"),
  /** A referral was received. */
  REFERRAL_CREATED("F100"),
  /** The coordinator triaged a referral. */
  REFERRAL_TRIAGED("F110"),
  /** A referral was linked to a case (a new one or an existing one). */
  REFERRAL_LINKED("F120"),
  /** The coordinator declined a referral. */
  REFERRAL_DECLINED("F130"),
  /** The referring agency withdrew its referral. */
  REFERRAL_WITHDRAWN("F140"),
  /** A case was opened (or a referral linked to a new case). */
  CASE_OPENED("C100"),
  /** The lead and participating agencies of a case were set. */
  CASE_ASSIGNED("C110"),
  /** The facts statutory exceptions depend on were recorded for a case. */
  CASE_FLAGS_CHANGED("C120"),
  /** A case was closed with an outcome. */
  CASE_CLOSED("C190"),
  /** An agency was registered or changed. */
  AGENCY_CHANGED("A100"),
  /** A member was onboarded (account created in the identity provider). */
  MEMBER_ONBOARDED("A200"),
  /** A member was offboarded: refused at once, account disabled. */
  MEMBER_OFFBOARDED("A210"),
  /** A member's confidentiality-training attestation was recorded. */
  MEMBER_TRAINING_RECORDED("A220"),
  /** An auditor exported the log. */
  AUDIT_EXPORTED("X100"),
  /** An accounting of disclosures was produced for a subject. */
  ACCOUNTING_PRODUCED("X110"),
  /** A review meeting was scheduled. */
  MEETING_SCHEDULED("V100"),
  /** A case was added to or removed from a meeting's agenda. */
  MEETING_AGENDA_CHANGED("V110"),
  /** A meeting's agenda was circulated to the invited agencies. */
  MEETING_CIRCULATED("V120"),
  /** A member checked in to a meeting. */
  MEETING_ATTENDED("V130"),
  /** An attendee acknowledged the confidentiality commitment. */
  MEETING_ACKNOWLEDGED("V140"),
  /** A meeting was started (flags: no quorum, agency without an active MOU). */
  MEETING_STARTED("V150"),
  /** A meeting was closed. */
  MEETING_CLOSED("V160"),
  /** Discussion notes, a decision or a recommendation were recorded for a case. */
  MINUTE_RECORDED("V200"),
  /** The next review date of a case was set at a meeting. */
  NEXT_REVIEW_SET("V210"),
  /** The coordinator previewed which attendees may not see which fields (no values). */
  VISIBILITY_PREVIEWED("V300"),
  /** An action item was assigned. */
  ACTION_ITEM_CREATED("V400"),
  /** An action item was done or dropped. */
  ACTION_ITEM_STATUS_CHANGED("V410"),
  /** De-identified evaluation statistics were produced. */
  STATISTICS_PRODUCED("V500"),
  /** A need of the youth was identified. */
  NEED_IDENTIFIED("P100"),
  /** A service referral was sent to a provider agency. */
  SERVICE_REFERRAL_SENT("P110"),
  /** A service referral moved in its closed loop. */
  SERVICE_REFERRAL_STATUS_CHANGED("P120"),
  /** A safety plan was recorded (superseding the previous plan of its kind). */
  SAFETY_PLAN_RECORDED("P200");

  private final String code;

  AuditEventType(String code) {
    this.code = code;
  }

  /** The stable code stored in the log and shown in exports. */
  public String code() {
    return code;
  }

  /** True for the types that record a refused access (kept even when the request rolls back). */
  public boolean isRefusal() {
    return this == REFUSAL;
  }

  /** The type with this stored code; IllegalArgumentException for an unknown code. */
  public static AuditEventType fromCode(String code) {
    for (AuditEventType t : values()) {
      if (t.code.equals(code)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown audit event code");
  }
}
