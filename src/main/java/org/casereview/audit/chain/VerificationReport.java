package org.casereview.audit.chain;

/**
 * The outcome of verifying positions {@code from..to} of the chain.
 *
 * @param from first position checked
 * @param to last position checked (the chain head when the range reached past it)
 * @param entriesVerified entries whose hash was recomputed and matched
 * @param checkpointsVerified checkpoints whose signature and head matched
 * @param chainHead hex chain hash at {@code to}, as recomputed (null if broken before)
 * @param intact true when nothing in the range was found broken
 * @param firstBreak the first broken position and why, or null
 */
public record VerificationReport(
    long from,
    long to,
    long entriesVerified,
    long checkpointsVerified,
    String chainHead,
    boolean intact,
    Break firstBreak) {

  /**
   * @param position the chain position where verification failed
   * @param kind the kind of tampering
   * @param detail a short, non-confidential explanation
   */
  public record Break(long position, BreakKind kind, String detail) {}
}
