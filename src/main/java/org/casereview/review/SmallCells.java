package org.casereview.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Small-cell suppression for published aggregates: a count from 1 to {@link #MINIMUM} - 1 is never
 * shown. Zero is shown (it identifies nobody). Where a part and its whole are both published, the
 * part is also suppressed when the remainder (whole - part) is small, or when the whole is, so that
 * no small count can be recovered by subtraction. Aggregates publish no totals for the same reason.
 */
public final class SmallCells {

  /** Cells with fewer than this many are suppressed. */
  public static final int MINIMUM = 11;

  private SmallCells() {}

  /** A published count: the number, or suppressed (and then no number at all). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "StatisticCell")
  public record Cell(Long count, boolean suppressed) {
    static Cell shown(long n) {
      return new Cell(n, false);
    }

    static Cell hidden() {
      return new Cell(null, true);
    }
  }

  static boolean small(long n) {
    return n > 0 && n < MINIMUM;
  }

  /** A count published on its own. */
  public static Cell cell(long n) {
    return small(n) ? Cell.hidden() : Cell.shown(n);
  }

  /** A count published next to the whole it is part of. */
  public static Cell part(long part, long whole) {
    if (part > whole || part < 0) {
      throw new IllegalArgumentException("a part cannot exceed its whole");
    }
    return small(part) || small(whole) || small(whole - part) ? Cell.hidden() : Cell.shown(part);
  }
}
