package org.casereview.policy;

/**
 * Facts about a case that statutory exceptions depend on. The coordinator or the lead agency
 * records them; the engine only reads them. Absent flags never widen access.
 */
public enum CaseFlag {
  /** The youth is in foster care: FERPA 20 U.S.C. 1232g(b)(1)(L) lets the school disclose. */
  YOUTH_IN_FOSTER_CARE,
  /** A state statute allows schools to disclose to juvenile justice (34 CFR 99.38). */
  STATE_JUVENILE_JUSTICE_STATUTE,
  /** The case stems from a report of child abuse (HIPAA 45 CFR 164.512(b)(1)(ii)). */
  CHILD_ABUSE_REPORT,
  /**
   * The youth is 18 or over: FERPA rights have passed to the student and consents are the youth's
   * own. Without this flag the youth is treated as a minor.
   */
  SUBJECT_IS_ADULT
}
