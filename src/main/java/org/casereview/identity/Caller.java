package org.casereview.identity;

import java.util.Set;
import java.util.UUID;
import org.casereview.policy.LegalStatus;
import org.casereview.policy.MouStatus;
import org.casereview.policy.Role;
import org.casereview.policy.Sector;

/**
 * The caller as the service sees it: a registered, active member, built from a verified token and
 * the member registry. Carries ids and facts for the policy, never case content.
 */
public record Caller(
    UUID memberId,
    String subject,
    UUID agencyId,
    Sector sector,
    Set<LegalStatus> legalStatus,
    Set<Role> roles,
    boolean trainingCurrent,
    MouStatus mou) {

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean isCoordinator() {
    return has(Role.CASE_COORDINATOR);
  }

  @Override
  public String toString() {
    return "Caller[member=" + memberId + ", agency=" + agencyId + ", roles=" + roles + "]";
  }
}
