package org.casereview.review;

/** Why a meeting's start was flagged. The meeting still starts: the flag is for the record. */
public enum StartFlag {
  /** Fewer agencies attended than the meeting's quorum. */
  NO_QUORUM,
  /** An invited or attending agency had no active MOU when the meeting started. */
  AGENCY_WITHOUT_ACTIVE_MOU
}
