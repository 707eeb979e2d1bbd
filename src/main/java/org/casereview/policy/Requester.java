package org.casereview.policy;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The caller as the policy sees it: member, agency, what the agency is in law, the member's roles,
 * the agency's MOU and whether the member's confidentiality training is current. {@code agencyName}
 * is used only to word remedies ("a consent naming Riverside Police Department").
 */
public record Requester(
    UUID memberId,
    UUID agencyId,
    String agencyName,
    Sector sector,
    Set<LegalStatus> legalStatus,
    Set<Role> roles,
    MouStatus mou,
    boolean trainingCurrent) {
  public Requester {
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(agencyName, "agencyName");
    Objects.requireNonNull(sector, "sector");
    legalStatus = Set.copyOf(Objects.requireNonNull(legalStatus, "legalStatus"));
    roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
    Objects.requireNonNull(mou, "mou");
  }
}
