package org.casereview.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.casereview.agency.Agency;
import org.casereview.agency.Member;
import org.casereview.agency.MemberStatus;
import org.casereview.agency.MembershipConfig;
import org.casereview.agency.Mou;
import org.casereview.api.ApiProblem;
import org.casereview.api.ErrorCode;
import org.casereview.policy.DataCategory;
import org.casereview.policy.MouStatus;
import org.casereview.policy.Purpose;
import org.casereview.policy.Role;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Resolves the caller of this request once: the token must belong to a registered, active member
 * whose agency matches the token's {@code agency_id} claim. The member registry is read on every
 * request, so an offboarded member's still-valid token is refused at once.
 */
@RequestScoped
public class CurrentCaller {

  public static final String AGENCY_CLAIM = "agency_id";

  @Inject SecurityIdentity identity;
  @Inject JsonWebToken token;
  @Inject MembershipConfig membership;
  @Inject Clock clock;

  private Caller caller;

  public Caller get() {
    if (caller == null) {
      caller = resolve();
    }
    return caller;
  }

  private Caller resolve() {
    if (identity.isAnonymous()) {
      throw new ApiProblem(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required");
    }
    String subject =
        token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
    Member member =
        Member.byKeycloakSubject(subject)
            .orElseThrow(
                () ->
                    new ApiProblem(
                        ErrorCode.MEMBER_UNKNOWN, "The caller is not a registered member"));
    if (member.status != MemberStatus.ACTIVE) {
      throw new ApiProblem(ErrorCode.MEMBER_OFFBOARDED, "The caller's membership has ended");
    }
    Object claim = token.getClaim(AGENCY_CLAIM);
    if (claim == null || !member.agencyId.toString().equals(claim.toString().replace("\"", ""))) {
      throw new ApiProblem(
          ErrorCode.AGENCY_MISMATCH, "The token's agency does not match the member's agency");
    }
    Agency agency = Agency.findById(member.agencyId);
    LocalDate today = LocalDate.now(clock);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : identity.getRoles()) {
      Role role = Role.fromRealmRole(name);
      if (role != null) {
        roles.add(role);
      }
    }
    return new Caller(
        member.id,
        subject,
        member.agencyId,
        agency.sector,
        agency.legalStatus,
        Set.copyOf(roles),
        member.trainingCurrentOn(today, membership.trainingValidityDays()),
        mouOf(member.agencyId, today));
  }

  /** Today's MOU of an agency; several in force at once cover the union of their terms. */
  public static MouStatus mouOf(UUID agencyId, LocalDate today) {
    Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
    Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
    boolean active = false;
    for (Mou mou : Mou.ofAgency(agencyId)) {
      if (mou.activeOn(today)) {
        active = true;
        categories.addAll(mou.categories);
        purposes.addAll(mou.purposes);
      }
    }
    return active ? new MouStatus(true, categories, purposes) : MouStatus.none();
  }
}
