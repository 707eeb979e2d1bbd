package org.casereview.casefile;

/** A case is open until the coordinator closes it with an outcome. */
public enum CaseStatus {
  OPEN,
  CLOSED
}
