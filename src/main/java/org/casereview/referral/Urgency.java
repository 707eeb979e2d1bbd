package org.casereview.referral;

/** How fast the task force must act on a referral. */
public enum Urgency {
  /** Imminent danger: act today. */
  IMMEDIATE,
  /** Review within days, before the next scheduled meeting. */
  PRIORITY,
  /** Next scheduled case review. */
  ROUTINE
}
