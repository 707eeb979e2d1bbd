package org.casereview.policy;

/** The closed set of outcomes of a field decision. There is no "abstain": silence is WITHHOLD. */
public enum Outcome {
  PERMIT,
  WITHHOLD
}
