package org.casereview.careplan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casereview.agency.Agency;
import org.casereview.api.ApiProblem;
import org.casereview.api.Cursor;
import org.casereview.api.ErrorCode;
import org.casereview.api.Page;
import org.casereview.api.Problem;
import org.casereview.audit.AuditEventType;
import org.casereview.casefile.CaseFile;
import org.casereview.casefile.CaseParticipant;
import org.casereview.casefile.CaseService;
import org.casereview.crypto.FieldCodec;
import org.casereview.crypto.FieldPlace;
import org.casereview.disclosure.AuditTrail;
import org.casereview.disclosure.DisclosedField;
import org.casereview.disclosure.Disclosure;
import org.casereview.disclosure.DisclosureRequest;
import org.casereview.disclosure.DisclosureService;
import org.casereview.disclosure.FieldSource;
import org.casereview.identity.Caller;
import org.casereview.identity.CurrentCaller;
import org.casereview.policy.DataCategory;
import org.casereview.policy.Purpose;

/**
 * A case's needs, service referrals with their closed loop, and safety plans. Writes come from the
 * coordinator or an agency on the case; reads disclose through the policy like any case data.
 */
@ApplicationScoped
public class CarePlanService {

  @Inject CurrentCaller callers;
  @Inject CaseService cases;
  @Inject DisclosureService disclosures;
  @Inject AuditTrail auditTrail;
  @Inject CarePlanFields fields;
  @Inject FieldCodec codec;
  @Inject Clock clock;

  /** The care plan as the caller may see it. */
  public record CarePlanView(UUID caseId, Map<String, DisclosedField> fields) {}

  public record Created(UUID id) {}

  /** A service referral as the caller may see it. */
  public record ServiceReferralView(UUID id, Map<String, DisclosedField> fields) {}

  @Transactional
  public Created identifyNeed(UUID caseId, CarePlanRequests.Need request) {
    Caller caller = callers.get();
    CaseFile file = writable(caseId);
    CaseNeed need = new CaseNeed();
    need.id = UUID.randomUUID();
    need.caseId = file.id;
    need.subjectId = file.subjectId;
    need.kind = request.kind();
    need.identifiedAt = Instant.now(clock);
    need.identifiedBy = caller.memberId();
    need.authorAgencyId = caller.agencyId();
    need.noteCategory =
        request.noteCategory() == null ? DataCategory.COORDINATION : request.noteCategory();
    need.noteSealed =
        codec.seal(
            file.subjectId, new FieldPlace(CaseNeed.TABLE, "note_sealed", need.id), request.note());
    need.persist();
    auditTrail.change(
        AuditEventType.NEED_IDENTIFIED,
        file.subjectId,
        file.id,
        need.id,
        Map.of("kind", need.kind.name()));
    return new Created(need.id);
  }

  /** Refers the youth to a provider agency on the case (active MOU) for one of the case's needs. */
  @Transactional
  public Created refer(UUID caseId, CarePlanRequests.Referral request) {
    Caller caller = callers.get();
    CaseFile file = writable(caseId);
    CaseNeed need = CaseNeed.findById(request.needId());
    if (need == null || !need.caseId.equals(file.id)) {
      throw ApiProblem.invalid("needId", "not a need of this case");
    }
    requireOnCaseWithMou(file, request.providerAgencyId(), "providerAgencyId");
    Instant now = Instant.now(clock);
    ServiceReferral r = new ServiceReferral();
    r.id = UUID.randomUUID();
    r.caseId = file.id;
    r.subjectId = file.subjectId;
    r.needId = need.id;
    r.providerAgencyId = request.providerAgencyId();
    r.referringAgencyId = caller.agencyId();
    r.referringMemberId = caller.memberId();
    r.status = ServiceStatus.SENT;
    r.sentAt = now;
    r.statusChangedAt = now;
    r.statusChangedBy = caller.memberId();
    r.persist();
    ServiceReferralEvent.record(r, null, now, caller.memberId());
    auditTrail.change(
        AuditEventType.SERVICE_REFERRAL_SENT,
        file.subjectId,
        file.id,
        r.id,
        Map.of("needKind", need.kind.name(), "providerAgencyId", r.providerAgencyId.toString()));
    return new Created(r.id);
  }

  /**
   * Moves a service referral along its loop: the provider agency or the coordinator. An illegal
   * transition is a 409; a decline needs a reason.
   */
  @Transactional
  public void moveReferral(UUID serviceReferralId, CarePlanRequests.Status request) {
    Caller caller = callers.get();
    ServiceReferral r = ServiceReferral.findById(serviceReferralId);
    if (r == null) {
      throw ApiProblem.notFound("Service referral");
    }
    if (!caller.isCoordinator() && !r.providerAgencyId.equals(caller.agencyId())) {
      throw auditTrail.refuseAsNotFound(null, r.subjectId, r.caseId, r.id, "Service referral");
    }
    if (!r.status.canMoveTo(request.status())) {
      throw new ApiProblem(
          ErrorCode.ILLEGAL_TRANSITION,
          "A service referral cannot move from " + r.status + " to " + request.status());
    }
    if (request.status() == ServiceStatus.DECLINED
        && (request.reason() == null || request.reason().isBlank())) {
      throw ApiProblem.invalid("reason", "required when a service referral is declined");
    }
    ServiceStatus from = r.status;
    Instant now = Instant.now(clock);
    r.status = request.status();
    r.statusChangedAt = now;
    r.statusChangedBy = caller.memberId();
    if (request.reason() != null && !request.reason().isBlank()) {
      r.reasonSealed =
          codec.seal(
              r.subjectId,
              new FieldPlace(ServiceReferral.TABLE, "reason_sealed", r.id),
              request.reason());
    }
    ServiceReferralEvent.record(r, from, now, caller.memberId());
    auditTrail.change(
        AuditEventType.SERVICE_REFERRAL_STATUS_CHANGED,
        r.subjectId,
        r.caseId,
        r.id,
        Map.of("from", from.name(), "to", r.status.name()));
  }

  /**
   * Records a safety plan. It supersedes the active plan of the same kind: from now on only the
   * agencies this plan names see safety-plan details (the policy reads them through CaseContexts).
   */
  @Transactional
  public Created recordSafetyPlan(UUID caseId, CarePlanRequests.SafetyPlan request) {
    Caller caller = callers.get();
    CaseFile file = writable(caseId);
    LocalDate today = LocalDate.now(clock);
    List<Problem.FieldError> errors = new ArrayList<>();
    for (UUID agencyId : request.namedAgencyIds()) {
      if (Agency.findById(agencyId) == null) {
        errors.add(new Problem.FieldError("namedAgencyIds", "unknown agency " + agencyId));
      } else if (!CurrentCaller.mouOf(agencyId, today).active()) {
        errors.add(
            new Problem.FieldError("namedAgencyIds", "agency " + agencyId + " has no active MOU"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiProblem(
          ErrorCode.AGENCY_NOT_ELIGIBLE,
          "Only agencies with an active MOU can be named on a safety plan",
          errors);
    }
    Instant now = Instant.now(clock);
    for (SafetyPlan old :
        SafetyPlan.<SafetyPlan>list(
            "caseId = ?1 and kind = ?2 and status = ?3",
            file.id,
            request.kind(),
            SafetyPlan.ACTIVE)) {
      old.status = SafetyPlan.SUPERSEDED;
      old.supersededAt = now;
    }
    SafetyPlan plan = new SafetyPlan();
    plan.id = UUID.randomUUID();
    plan.caseId = file.id;
    plan.subjectId = file.subjectId;
    plan.kind = request.kind();
    plan.status = SafetyPlan.ACTIVE;
    plan.authorAgencyId = caller.agencyId();
    plan.createdBy = caller.memberId();
    plan.createdAt = now;
    plan.reviewOn = request.reviewOn();
    plan.locationSealed = seal(plan, "location_sealed", request.location());
    plan.contactsSealed = seal(plan, "contacts_sealed", request.contacts());
    plan.measuresSealed = seal(plan, "measures_sealed", request.measures());
    plan.persist();
    for (UUID agencyId : request.namedAgencyIds()) {
      SafetyPlanAgency named = new SafetyPlanAgency();
      named.key = new SafetyPlanAgency.Key(plan.id, agencyId);
      named.persist();
    }
    auditTrail.change(
        AuditEventType.SAFETY_PLAN_RECORDED,
        file.subjectId,
        file.id,
        plan.id,
        Map.of(
            "kind",
            plan.kind.name(),
            "namedAgencies",
            request.namedAgencyIds().stream()
                .map(UUID::toString)
                .sorted()
                .collect(Collectors.joining(","))));
    return new Created(plan.id);
  }

  /**
   * Needs, service referrals and active safety plans of a case: one disclosure, one audit entry.
   */
  @Transactional
  public CarePlanView read(UUID caseId, Purpose purpose) {
    CaseFile file = cases.visible(caseId, purpose);
    List<FieldSource> all = new ArrayList<>();
    List<CaseNeed> needs = CaseNeed.list("caseId = ?1 order by identifiedAt, id", file.id);
    for (int i = 0; i < needs.size(); i++) {
      all.addAll(needFields(needs.get(i), "needs[" + i + "]."));
    }
    List<ServiceReferral> referrals =
        ServiceReferral.list("caseId = ?1 order by sentAt, id", file.id);
    for (int i = 0; i < referrals.size(); i++) {
      all.addAll(referralFields(referrals.get(i), "services[" + i + "]."));
    }
    all.addAll(fields.safetyPlanFields(file));
    Disclosure shown =
        disclosures.disclose(
            new DisclosureRequest(purpose, file.subjectId, file.id, "carePlan.read", file.id, all));
    return new CarePlanView(file.id, shown.fields());
  }

  /**
   * Service referrals whose loop is still open (not COMPLETED or DECLINED), oldest change first:
   * every open one for the coordinator, the ones sent to their agency for a provider's member. So
   * that nothing waits unseen. Each is disclosed (one audit entry each).
   */
  @Transactional
  public Page<ServiceReferralView> openLoops(Cursor after, int limit, Purpose purpose) {
    Caller caller = callers.get();
    StringBuilder where = new StringBuilder("status not in ?1");
    List<Object> params = new ArrayList<>();
    params.add(List.of(ServiceStatus.COMPLETED, ServiceStatus.DECLINED));
    if (!caller.isCoordinator()) {
      params.add(caller.agencyId());
      where.append(" and providerAgencyId = ?").append(params.size());
    }
    if (after != null) {
      params.add(after.at());
      int at = params.size();
      params.add(after.id());
      where.append(
          " and (statusChangedAt > ?"
              + at
              + " or (statusChangedAt = ?"
              + at
              + " and id > ?"
              + params.size()
              + "))");
    }
    List<ServiceReferral> rows =
        ServiceReferral.<ServiceReferral>find(
                where + " order by statusChangedAt, id", params.toArray())
            .range(0, limit - 1)
            .list();
    List<DisclosureRequest> requests = new ArrayList<>();
    for (ServiceReferral r : rows) {
      List<FieldSource> f = new ArrayList<>();
      f.add(
          FieldSource.clear(
              "caseId", DataCategory.COORDINATION, r.referringAgencyId, r.caseId.toString()));
      f.add(
          FieldSource.clear(
              "statusChangedAt",
              DataCategory.COORDINATION,
              r.referringAgencyId,
              r.statusChangedAt.toString()));
      f.addAll(referralFields(r, ""));
      requests.add(
          new DisclosureRequest(purpose, r.subjectId, r.caseId, "serviceReferral.open", r.id, f));
    }
    List<Disclosure> shown = disclosures.discloseEach(requests);
    List<ServiceReferralView> items = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      items.add(new ServiceReferralView(rows.get(i).id, shown.get(i).fields()));
    }
    String next =
        rows.size() == limit
            ? new Cursor(rows.get(rows.size() - 1).statusChangedAt, rows.get(rows.size() - 1).id)
                .encode()
            : null;
    return new Page<>(items, next);
  }

  static List<FieldSource> needFields(CaseNeed n, String prefix) {
    UUID author = n.authorAgencyId;
    return List.of(
        FieldSource.clear(prefix + "id", DataCategory.COORDINATION, author, n.id.toString()),
        FieldSource.clear(prefix + "kind", DataCategory.COORDINATION, author, n.kind.name()),
        FieldSource.clear(
            prefix + "identifiedAt", DataCategory.COORDINATION, author, n.identifiedAt.toString()),
        FieldSource.sealed(
            prefix + "note",
            n.noteCategory,
            author,
            new FieldPlace(CaseNeed.TABLE, "note_sealed", n.id),
            n.noteSealed));
  }

  static List<FieldSource> referralFields(ServiceReferral r, String prefix) {
    UUID author = r.referringAgencyId;
    return List.of(
        FieldSource.clear(prefix + "id", DataCategory.COORDINATION, author, r.id.toString()),
        FieldSource.clear(
            prefix + "needId", DataCategory.COORDINATION, author, r.needId.toString()),
        FieldSource.clear(
            prefix + "providerAgencyId",
            DataCategory.COORDINATION,
            author,
            r.providerAgencyId.toString()),
        FieldSource.clear(prefix + "status", DataCategory.COORDINATION, author, r.status.name()),
        FieldSource.clear(
            prefix + "sentAt", DataCategory.COORDINATION, author, r.sentAt.toString()),
        FieldSource.sealed(
            prefix + "reason",
            DataCategory.COORDINATION,
            r.providerAgencyId,
            new FieldPlace(ServiceReferral.TABLE, "reason_sealed", r.id),
            r.reasonSealed));
  }

  /** The coordinator, or a member of an agency on the case; the case must be open. */
  private CaseFile writable(UUID caseId) {
    CaseFile file = cases.visible(caseId, null);
    cases.requireOpen(file);
    return file;
  }

  private static void requireOnCaseWithMou(CaseFile file, UUID agencyId, String field) {
    boolean onCase =
        agencyId.equals(file.leadAgencyId) || CaseParticipant.takesPart(file.id, agencyId);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    if (!onCase || !CurrentCaller.mouOf(agencyId, today).active()) {
      throw new ApiProblem(
          ErrorCode.AGENCY_NOT_ELIGIBLE,
          "The provider must take part in the case and have an active MOU",
          List.of(new Problem.FieldError(field, "agency " + agencyId + " is not eligible")));
    }
  }

  private byte[] seal(SafetyPlan plan, String column, String value) {
    return codec.seal(plan.subjectId, new FieldPlace(SafetyPlan.TABLE, column, plan.id), value);
  }
}
