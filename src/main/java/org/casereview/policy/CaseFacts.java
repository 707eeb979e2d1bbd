package org.casereview.policy;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the engine needs to know about the case: who leads, who takes part, who is named on the
 * safety plan, and the flags statutory exceptions depend on. An agency is "on the case" when it is
 * the lead, a participating agency or named on the safety plan.
 */
public record CaseFacts(
    UUID caseId,
    UUID subjectId,
    UUID leadAgencyId,
    Set<UUID> participatingAgencyIds,
    Set<UUID> safetyPlanAgencyIds,
    Set<CaseFlag> flags) {
  public CaseFacts {
    // caseId and leadAgencyId are null for a referral not yet linked to a case (intake): then no
    // agency is on the case and only role and authorship rules can permit anything.
    Objects.requireNonNull(subjectId, "subjectId");
    participatingAgencyIds =
        Set.copyOf(Objects.requireNonNull(participatingAgencyIds, "participatingAgencyIds"));
    safetyPlanAgencyIds =
        Set.copyOf(Objects.requireNonNull(safetyPlanAgencyIds, "safetyPlanAgencyIds"));
    flags = Set.copyOf(Objects.requireNonNull(flags, "flags"));
  }

  public boolean isOnCase(UUID agencyId) {
    return Objects.equals(leadAgencyId, agencyId)
        || participatingAgencyIds.contains(agencyId)
        || safetyPlanAgencyIds.contains(agencyId);
  }

  public boolean subjectIsMinor() {
    return !flags.contains(CaseFlag.SUBJECT_IS_ADULT);
  }
}
