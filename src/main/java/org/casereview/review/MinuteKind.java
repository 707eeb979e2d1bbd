package org.casereview.review;

/** What a minute of a case discussion records. */
public enum MinuteKind {
  DISCUSSION_NOTE,
  DECISION,
  RECOMMENDATION
}
