package org.casereview.review;

import java.util.EnumSet;
import java.util.Set;

/**
 * An action item's status. OVERDUE is never stored: an OPEN item past its due date is shown as
 * OVERDUE, so no scheduler has to move it and it can never be late in saying so. DONE and DROPPED
 * are final.
 */
public enum ActionItemStatus {
  OPEN,
  OVERDUE,
  DONE,
  DROPPED;

  public boolean canMoveTo(ActionItemStatus target) {
    Set<ActionItemStatus> next =
        switch (this) {
          case OPEN, OVERDUE -> EnumSet.of(DONE, DROPPED);
          case DONE, DROPPED -> EnumSet.noneOf(ActionItemStatus.class);
        };
    return next.contains(target);
  }
}
