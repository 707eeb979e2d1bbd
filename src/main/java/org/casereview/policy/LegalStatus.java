package org.casereview.policy;

/** What the law says an agency is; several may apply to one agency. */
public enum LegalStatus {
  /** HIPAA covered entity (45 CFR 160.103). */
  HIPAA_COVERED_ENTITY,
  /** Educational agency or institution under FERPA (34 CFR 99.1). */
  FERPA_EDUCATIONAL_AGENCY,
  /** Federally assisted substance-use program under 42 CFR Part 2 (2.11). */
  PART2_PROGRAM,
  /** VAWA-funded victim service provider (34 U.S.C. 12291). */
  VAWA_VICTIM_SERVICE_PROVIDER,
  /** Criminal justice agency under the CJIS Security Policy. */
  CRIMINAL_JUSTICE_AGENCY
}
