package org.casereview.policy;

import java.util.List;

/**
 * The rules the engine applies whatever the pack says. Each must still be present in the pack with
 * its citation, so that every decision names a citation an operator can read and review.
 */
public final class RuleIds {
  private RuleIds() {}

  /** Nothing is disclosed unless a rule permits it. */
  public static final String DENY_BY_DEFAULT = "DENY-BY-DEFAULT";

  /** The requester holds no role that may see case content. */
  public static final String ROLE_NO_CASE_CONTENT = "ROLE-NO-CASE-CONTENT";

  /** Purpose AUDIT reads the audit log, never case content. */
  public static final String PURPOSE_AUDIT = "PURPOSE-AUDIT-NO-CASE-CONTENT";

  /** No active MOU between the requester's agency and the task force. */
  public static final String MOU_INACTIVE = "MOU-INACTIVE";

  /** The MOU does not list the stated purpose. */
  public static final String MOU_PURPOSE = "MOU-PURPOSE";

  /** The MOU does not list the field's category. */
  public static final String MOU_CATEGORY = "MOU-CATEGORY";

  /** The member's confidentiality training is not current. */
  public static final String TRAINING_NOT_CURRENT = "TRAINING-NOT-CURRENT";

  /** The requester's agency wrote the field. */
  public static final String AUTHOR_AGENCY = "AUTHOR-AGENCY";

  /** The requester's agency is not on the case (for consent-based access). */
  public static final String NOT_ON_CASE = "NOT-ON-CASE";

  /** 42 CFR 2.12(d): Part 2 records never used to investigate or prosecute the patient. */
  public static final String PART2_CRIMINAL_USE_BAR = "PART2-CRIMINAL-USE-BAR";

  /** 42 CFR 2.32: notice against redisclosure on every Part 2 disclosure. */
  public static final String PART2_REDISCLOSURE_NOTICE = "PART2-REDISCLOSURE-NOTICE";

  /** HIPAA 164.508(a)(2): psychotherapy notes need a consent that names them and nothing else. */
  public static final String PSYCHOTHERAPY_NOTES_SPECIFIC = "PSYCHOTHERAPY-NOTES-SPECIFIC";

  /** Break-glass never opens SUBSTANCE_USE to criminal justice, VICTIM_ADVOCACY or LES. */
  public static final String BREAK_GLASS_EXCLUSIONS = "BREAK-GLASS-EXCLUSIONS";

  /** A revoked or expired consent never counts. */
  public static final String CONSENT_LIVE = "CONSENT-LIVE";

  /** A suspected abuser can never grant consent. */
  public static final String CONSENT_NO_ABUSER = "CONSENT-NO-SUSPECTED-ABUSER";

  /** A consent needs a validity window with {@code validFrom < validUntil}. */
  public static final String CONSENT_WINDOW = "CONSENT-VALIDITY-WINDOW";

  /** A consent names at least one category, recipient and purpose. */
  public static final String CONSENT_SCOPE = "CONSENT-SCOPE";

  /** The ids every pack must define. */
  public static final List<String> REQUIRED =
      List.of(
          DENY_BY_DEFAULT,
          ROLE_NO_CASE_CONTENT,
          PURPOSE_AUDIT,
          MOU_INACTIVE,
          MOU_PURPOSE,
          MOU_CATEGORY,
          TRAINING_NOT_CURRENT,
          AUTHOR_AGENCY,
          NOT_ON_CASE,
          PART2_CRIMINAL_USE_BAR,
          PART2_REDISCLOSURE_NOTICE,
          PSYCHOTHERAPY_NOTES_SPECIFIC,
          BREAK_GLASS_EXCLUSIONS,
          CONSENT_LIVE,
          CONSENT_NO_ABUSER,
          CONSENT_WINDOW,
          CONSENT_SCOPE);
}
