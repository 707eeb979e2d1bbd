package org.casereview.review;

/** A meeting's life: scheduled, agenda circulated, in progress, closed. */
public enum MeetingStatus {
  SCHEDULED,
  CIRCULATED,
  IN_PROGRESS,
  CLOSED
}
