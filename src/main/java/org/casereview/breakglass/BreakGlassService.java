package org.casereview.breakglass;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casereview.api.ApiProblem;
import org.casereview.api.ErrorCode;
import org.casereview.audit.AuditEventType;
import org.casereview.casefile.CaseFile;
import org.casereview.casefile.CaseService;
import org.casereview.crypto.FieldCodec;
import org.casereview.crypto.FieldPlace;
import org.casereview.disclosure.AuditTrail;
import org.casereview.identity.Caller;
import org.casereview.identity.CurrentCaller;
import org.casereview.policy.Role;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Break-glass: a member claims imminent danger to the youth with a written justification. The grant
 * is short and fixed; what it opens is the policy pack's business (SAFETY_LOCATION and HEALTH by
 * default, never the excluded categories). Coordinators and auditors are notified.
 */
@ApplicationScoped
public class BreakGlassService {

  public static final String KIND = "BREAK_GLASS";

  @Inject CurrentCaller callers;
  @Inject CaseService cases;
  @Inject FieldCodec codec;
  @Inject AuditTrail auditTrail;
  @Inject Clock clock;

  @ConfigProperty(name = "mdt.break-glass.duration-minutes", defaultValue = "60")
  int durationMinutes;

  /** A granted emergency access: its id and when it ends. */
  public record Granted(UUID grantId, UUID caseId, Instant validFrom, Instant validUntil) {}

  @Transactional
  public Granted claim(UUID caseId, String justification) {
    Caller caller = callers.get();
    CaseFile file = cases.visible(caseId, null);
    if (!caller.mou().active() || !caller.trainingCurrent()) {
      throw new ApiProblem(
          ErrorCode.FORBIDDEN,
          "Break-glass needs an active MOU and current confidentiality training");
    }
    Instant now = Instant.now(clock);
    BreakGlass grant = new BreakGlass();
    grant.id = UUID.randomUUID();
    grant.memberId = caller.memberId();
    grant.agencyId = caller.agencyId();
    grant.caseId = caseId;
    grant.validFrom = now;
    grant.validUntil = now.plus(Duration.ofMinutes(durationMinutes));
    grant.justificationSealed =
        codec.seal(
            file.subjectId,
            new FieldPlace(BreakGlass.TABLE, "justification_sealed", grant.id),
            justification);
    grant.persist();
    for (Role role : List.of(Role.CASE_COORDINATOR, Role.AUDITOR)) {
      Notification n = new Notification();
      n.id = UUID.randomUUID();
      n.recipientRole = role.realmRole();
      n.kind = KIND;
      n.caseId = caseId;
      n.grantId = grant.id;
      n.memberId = caller.memberId();
      n.agencyId = caller.agencyId();
      n.createdAt = now;
      n.persist();
    }
    auditTrail.change(
        AuditEventType.BREAK_GLASS_GRANTED,
        file.subjectId,
        caseId,
        grant.id,
        Map.of("validUntil", grant.validUntil.toString(), "grantId", grant.id.toString()));
    return new Granted(grant.id, caseId, grant.validFrom, grant.validUntil);
  }

  /** The caller's own emergency accesses in force now, ending soonest first. */
  @Transactional
  public List<Granted> inForce() {
    Caller caller = callers.get();
    Instant now = Instant.now(clock);
    return BreakGlass.<BreakGlass>find(
            "memberId = ?1 and validFrom <= ?2 and validUntil > ?2 order by validUntil",
            caller.memberId(),
            now)
        .list()
        .stream()
        .map(g -> new Granted(g.id, g.caseId, g.validFrom, g.validUntil))
        .toList();
  }

  /** Notifications addressed to any of the caller's roles, newest first. */
  @Transactional
  public List<Notification> notifications(int limit) {
    Caller caller = callers.get();
    List<String> roles = caller.roles().stream().map(Role::realmRole).toList();
    return Notification.<Notification>find("recipientRole in ?1 order by createdAt desc", roles)
        .range(0, limit - 1)
        .list();
  }
}
