package org.casereview.identity;

import java.util.Set;
import org.casereview.policy.DataCategory;
import org.casereview.policy.Purpose;

/** The caller's agency's MOU as in force today: whether one is active and what it covers. */
public record AgencyMou(boolean active, Set<DataCategory> categories, Set<Purpose> purposes) {

  public static final AgencyMou NONE = new AgencyMou(false, Set.of(), Set.of());
}
