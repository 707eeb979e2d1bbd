package org.casereview.audit;

/** What happened to one requested field. */
public enum FieldOutcome {
  RELEASED,
  WITHHELD
}
