package org.casereview.audit.chain;

/** Why verification stopped at a position. */
public enum BreakKind {
  /** The entry, or its link, differs from what was sealed. */
  MODIFIED,
  /** A sealed entry or chain link is gone. */
  MISSING,
  /** An entry sits inside the sealed range without having been sealed there. */
  INSERTED,
  /** Entries were sealed in a different order from the one now stored. */
  REORDERED,
  /** A checkpoint's signature does not verify under the task force's public key. */
  BAD_SIGNATURE
}
