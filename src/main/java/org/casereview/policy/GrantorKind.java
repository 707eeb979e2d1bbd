package org.casereview.policy;

/** Who gave a consent. Which combinations a category accepts is set by the policy pack. */
public enum GrantorKind {
  /** The youth who is the subject of the case. */
  YOUTH,
  /** A parent, legal guardian or other personal representative. */
  PARENT_OR_GUARDIAN,
  /** An agency with legal custody of the youth (for example child welfare for a youth in care). */
  AGENCY_WITH_CUSTODY,
  /** A court order authorising the disclosure (for example under 42 CFR 2.64 or 2.65). */
  COURT_ORDER
}
