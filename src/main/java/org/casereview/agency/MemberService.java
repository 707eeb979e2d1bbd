package org.casereview.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casereview.agency.AgencyViews.MemberView;
import org.casereview.api.ApiProblem;
import org.casereview.api.ErrorCode;
import org.casereview.audit.AuditEventType;
import org.casereview.disclosure.AuditTrail;
import org.casereview.policy.Role;

/**
 * Onboarding and offboarding. The member registry and Keycloak change together: an account is
 * created in Keycloak first and removed again if the registry write fails; at offboarding the
 * registry changes first, so the member is refused at once even if Keycloak cannot be reached.
 */
@ApplicationScoped
public class MemberService {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject KeycloakDirectory directory;
  @Inject MemberRegistry registry;
  @Inject Clock clock;

  public List<MemberView> list(UUID agencyId) {
    return registry.list(agencyId);
  }

  public AgencyViews.Onboarded onboard(AgencyRequests.Onboard request) {
    registry.requireOnboardable(request);
    String temporaryPassword = temporaryPassword();
    String subject =
        directory.createUser(
            request,
            request.roles().stream().map(Role::realmRole).sorted().toList(),
            temporaryPassword);
    try {
      return new AgencyViews.Onboarded(registry.register(request, subject), temporaryPassword);
    } catch (RuntimeException e) {
      directory.delete(subject);
      throw e;
    }
  }

  public MemberView offboard(UUID memberId) {
    MemberView member = registry.markOffboarded(memberId);
    directory.disable(registry.subjectOf(memberId));
    return member;
  }

  public MemberView recordTraining(UUID memberId, AgencyRequests.Training request) {
    return registry.recordTraining(memberId, request);
  }

  private static String temporaryPassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The registry side, transactional on its own so Keycloak calls stay outside transactions. */
  @ApplicationScoped
  public static class MemberRegistry {

    @Inject AuditTrail auditTrail;
    @Inject Clock clock;

    @Transactional
    public List<MemberView> list(UUID agencyId) {
      List<Member> members =
          agencyId == null
              ? Member.list("order by username")
              : Member.list("agencyId = ?1 order by username", agencyId);
      return members.stream().map(MemberView::of).toList();
    }

    @Transactional
    public void requireOnboardable(AgencyRequests.Onboard request) {
      AgencyService.existing(request.agencyId());
      if (Member.count("username", request.username()) > 0) {
        throw new ApiProblem(ErrorCode.CONFLICT, "The username is already taken");
      }
    }

    @Transactional
    public MemberView register(AgencyRequests.Onboard request, String subject) {
      Member member = new Member();
      member.id = UUID.randomUUID();
      member.keycloakSubject = subject;
      member.username = request.username();
      member.displayName = request.firstName() + " " + request.lastName();
      member.email = request.email();
      member.agencyId = request.agencyId();
      member.roles = request.roles();
      member.trainingCompletedOn = request.trainingCompletedOn();
      member.status = MemberStatus.ACTIVE;
      member.createdAt = Instant.now(clock);
      member.persist();
      auditTrail.change(
          AuditEventType.MEMBER_ONBOARDED,
          null,
          null,
          member.id,
          Map.of("agencyId", member.agencyId.toString()));
      return MemberView.of(member);
    }

    @Transactional
    public MemberView markOffboarded(UUID memberId) {
      Member member = existing(memberId);
      if (member.status == MemberStatus.OFFBOARDED) {
        throw new ApiProblem(ErrorCode.ILLEGAL_TRANSITION, "The member is already offboarded");
      }
      member.status = MemberStatus.OFFBOARDED;
      member.offboardedAt = Instant.now(clock);
      auditTrail.change(
          AuditEventType.MEMBER_OFFBOARDED,
          null,
          null,
          member.id,
          Map.of("agencyId", member.agencyId.toString()));
      return MemberView.of(member);
    }

    @Transactional
    public String subjectOf(UUID memberId) {
      return existing(memberId).keycloakSubject;
    }

    @Transactional
    public MemberView recordTraining(UUID memberId, AgencyRequests.Training request) {
      Member member = existing(memberId);
      if (request.completedOn().isAfter(java.time.LocalDate.now(clock))) {
        throw ApiProblem.invalid("completedOn", "must not be in the future");
      }
      member.trainingCompletedOn = request.completedOn();
      auditTrail.change(
          AuditEventType.MEMBER_TRAINING_RECORDED,
          null,
          null,
          member.id,
          Map.of("completedOn", request.completedOn().toString()));
      return MemberView.of(member);
    }

    private static Member existing(UUID id) {
      Member member = Member.findById(id);
      if (member == null) {
        throw ApiProblem.notFound("Member");
      }
      return member;
    }
  }
}
