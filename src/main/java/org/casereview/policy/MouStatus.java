package org.casereview.policy;

import java.util.Objects;
import java.util.Set;

/**
 * The requester's agency's MOU with the task force as of the decision time: whether it is in force,
 * and the categories and purposes it covers. No active MOU, no case content.
 */
public record MouStatus(boolean active, Set<DataCategory> categories, Set<Purpose> purposes) {
  public MouStatus {
    categories = Set.copyOf(Objects.requireNonNull(categories, "categories"));
    purposes = Set.copyOf(Objects.requireNonNull(purposes, "purposes"));
  }

  /** No MOU at all (or one that has expired or not yet taken effect). */
  public static MouStatus none() {
    return new MouStatus(false, Set.of(), Set.of());
  }
}
