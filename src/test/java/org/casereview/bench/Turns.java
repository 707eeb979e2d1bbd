package org.casereview.bench;

/**
 * The order of turns of the benchmarks that give several kinds of work one iteration each in the
 * same run ({@link AuditAppendBench#interleaved}, {@link AuditTableShapesBench}): through the kinds
 * forward, then backward, and again (for two kinds: A, B, B, A). The rates on this machine climb
 * for minutes into a run; in this order every kind's turns have the same mean time, so a steady
 * climb favours none of them. A block is one forward and one backward pass; warm-up and measurement
 * must each be whole blocks.
 */
final class Turns {

  private Turns() {}

  /** The kind (0 to kinds - 1) whose turn iteration {@code index} (warm-up counted) is. */
  static int kind(int index, int kinds) {
    int k = index % (2 * kinds);
    return k < kinds ? k : 2 * kinds - 1 - k;
  }

  /** True when iteration {@code index} is the last of its block. */
  static boolean endsBlock(int index, int kinds) {
    return index % (2 * kinds) == 2 * kinds - 1;
  }
}
