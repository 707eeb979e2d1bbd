package org.casereview.disclosure;

import java.util.Set;
import java.util.UUID;
import org.casereview.policy.CaseFlag;

/**
 * The facts of the case a disclosure concerns, as the case file holds them. Before a referral is
 * linked to a case there is none: {@link #NONE} then, and only role and authorship rules apply.
 */
public record CaseContext(
    UUID caseId,
    UUID leadAgencyId,
    Set<UUID> participatingAgencyIds,
    Set<UUID> safetyPlanAgencyIds,
    Set<CaseFlag> flags) {

  public static final CaseContext NONE = new CaseContext(null, null, Set.of(), Set.of(), Set.of());
}
