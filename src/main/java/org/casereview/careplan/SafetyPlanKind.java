package org.casereview.careplan;

/** An emergency plan (now, tonight) or a long-term plan (placement, school, supports). */
public enum SafetyPlanKind {
  EMERGENCY,
  LONG_TERM
}
