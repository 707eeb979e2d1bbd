package org.casereview.disclosure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casereview.agency.Agency;
import org.casereview.agency.Member;
import org.casereview.agency.MemberStatus;
import org.casereview.agency.MembershipConfig;
import org.casereview.api.ApiProblem;
import org.casereview.api.ErrorCode;
import org.casereview.audit.AuditEvent;
import org.casereview.audit.AuditEventType;
import org.casereview.audit.AuditField;
import org.casereview.audit.AuditLog;
import org.casereview.crypto.FieldCodec;
import org.casereview.crypto.SubjectKeys;
import org.casereview.identity.Caller;
import org.casereview.identity.CurrentCaller;
import org.casereview.identity.RequestContext;
import org.casereview.policy.BreakGlassGrant;
import org.casereview.policy.CaseFacts;
import org.casereview.policy.ConsentGrant;
import org.casereview.policy.DecisionRequest;
import org.casereview.policy.FieldDecision;
import org.casereview.policy.FieldLabel;
import org.casereview.policy.LegalStatus;
import org.casereview.policy.Obligation;
import org.casereview.policy.PolicyEngine;
import org.casereview.policy.Requester;
import org.casereview.policy.Role;

/**
 * The one read path for case data. For every view: decide each field with the policy engine,
 * decrypt only what it permitted, write the audit entry in the same transaction, and only then hand
 * the result back for the response. If any step fails the transaction rolls back and the response
 * carries nothing. Nothing else in the service calls {@link FieldCodec#open}.
 */
@ApplicationScoped
public class DisclosureService {

  /** Rule id for fields of a youth whose data key was destroyed. */
  public static final String SUBJECT_ERASED = "SUBJECT_ERASED";

  @Inject PolicyEngine engine;
  @Inject FieldCodec codec;
  @Inject SubjectKeys subjectKeys;
  @Inject AuditLog audit;
  @Inject CurrentCaller callers;
  @Inject RequestContext requestContext;
  @Inject CaseContextSource cases;
  @Inject ConsentSource consents;
  @Inject BreakGlassSource breakGlass;
  @Inject Clock clock;
  @Inject MembershipConfig membership;

  /** Discloses one view of one youth's data to the current caller. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Disclosure disclose(DisclosureRequest request) {
    return disclose(callers.get(), request);
  }

  /** Discloses several views (a page of a list) to the current caller: one audit entry each. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Disclosure> discloseEach(List<DisclosureRequest> requests) {
    Caller caller = callers.get();
    List<Disclosure> out = new ArrayList<>(requests.size());
    for (DisclosureRequest request : requests) {
      out.add(disclose(caller, request));
    }
    return out;
  }

  /**
   * Discloses a view whose very existence is sensitive: when the gate field (e.g. a record's type)
   * is withheld, nothing at all is released, the refusal is audited, and the caller learns nothing:
   * the view is left out of lists and counts, and a single read answers "not found".
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Disclosure> discloseGated(DisclosureRequest request, String gateField) {
    Caller caller = callers.get();
    Requester requester = requester(caller);
    DecisionRequest decisionRequest = decisionRequest(requester, request);
    FieldSource gate =
        request.fields().stream()
            .filter(f -> f.name().equals(gateField))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("gate field not requested"));
    FieldDecision decision = engine.decide(decisionRequest, label(gate));
    if (!decision.permitted()) {
      List<AuditField> withheld =
          request.fields().stream()
              .map(f -> withheld(f, decision.ruleId(), decision.citation()))
              .toList();
      // In its own transaction: a single read answers 404 and rolls back, the refusal stays.
      audit.recordRefusal(
          event(AuditEventType.REFUSAL, caller, request, decisionRequest, withheld)
              .reason("EXISTENCE_WITHHELD")
              .build());
      return Optional.empty();
    }
    return Optional.of(disclose(caller, request));
  }

  /**
   * What an agency would see, decided but never decrypted and never audited as a disclosure: the
   * coordinator's preview before a review meeting. Values are never part of the answer.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<FieldDecision> preview(Requester requester, DisclosureRequest request) {
    DecisionRequest decisionRequest = decisionRequest(requester, request);
    return request.fields().stream()
        .map(f -> engine.decide(decisionRequest, label(f)))
        .collect(Collectors.toList());
  }

  /**
   * The policy's view of a typical member of an agency: for previews only. It assumes the
   * mdt-member role and current training, and takes the agency's MOU as in force today.
   */
  public Requester requesterFor(UUID agencyId) {
    Agency agency = Agency.findById(agencyId);
    if (agency == null) {
      throw ApiProblem.invalid("agencyId", "no such agency");
    }
    return new Requester(
        PREVIEW_MEMBER,
        agencyId,
        agency.name,
        agency.sector,
        agency.legalStatus,
        Set.of(Role.MDT_MEMBER),
        CurrentCaller.mouOf(agencyId, LocalDate.now(clock)),
        true);
  }

  /** The member id previews decide for: no real member. */
  public static final UUID PREVIEW_MEMBER = new UUID(0, 0);

  /** The policy's view of a caller. */
  public Requester requester(Caller caller) {
    Agency agency = Agency.findById(caller.agencyId());
    return new Requester(
        caller.memberId(),
        caller.agencyId(),
        agency.name,
        caller.sector(),
        caller.legalStatus(),
        caller.roles(),
        caller.mou(),
        caller.trainingCurrent());
  }

  /**
   * The policy's view of a registered member who is not the caller (an attendee of a review
   * meeting), from the member registry and the agency's MOU as they stand today. For {@link
   * #preview} only: nothing is ever disclosed to anyone but the caller.
   */
  public Requester requesterOf(Member member) {
    Agency agency = Agency.findById(member.agencyId);
    LocalDate today = LocalDate.now(clock);
    boolean active = member.status == MemberStatus.ACTIVE;
    return new Requester(
        member.id,
        agency.id,
        agency.name,
        agency.sector,
        agency.legalStatus,
        active ? member.roles : Set.of(),
        CurrentCaller.mouOf(member.agencyId, today),
        active && member.trainingCurrentOn(today, membership.trainingValidityDays()));
  }

  private Disclosure disclose(Caller caller, DisclosureRequest request) {
    Requester requester = requester(caller);
    DecisionRequest decisionRequest = decisionRequest(requester, request);
    boolean erased = subjectKeys.isShredded(request.subjectId());

    Map<String, DisclosedField> shown = new LinkedHashMap<>();
    List<AuditField> audited = new ArrayList<>(request.fields().size());
    boolean anyReleased = false;
    for (FieldSource field : request.fields()) {
      FieldDecision decision = engine.decide(decisionRequest, label(field));
      if (decision.permitted() && erased && field.isSealed()) {
        shown.put(field.name(), erasedField(field));
        audited.add(withheld(field, SUBJECT_ERASED, "erasure"));
        continue;
      }
      if (decision.permitted()) {
        String value =
            field.isSealed()
                ? codec.open(request.subjectId(), field.place(), field.ciphertext())
                : field.clearValue();
        shown.put(field.name(), disclosedField(field, decision, value));
        audited.add(released(field, decision));
        anyReleased = true;
      } else {
        shown.put(field.name(), withheldField(field, decision));
        audited.add(withheld(field, decision.ruleId(), decision.citation()));
      }
    }

    AuditEventType type = anyReleased ? AuditEventType.DISCLOSURE : AuditEventType.REFUSAL;
    // Same transaction as the read: if the entry cannot be written, nothing is disclosed.
    audit.record(event(type, caller, request, decisionRequest, audited).build());
    return new Disclosure(shown);
  }

  private AuditEvent.Builder event(
      AuditEventType type,
      Caller caller,
      DisclosureRequest request,
      DecisionRequest decisionRequest,
      List<AuditField> fields) {
    AuditEvent.Builder event =
        AuditEvent.builder(type)
            .requestId(requestContext.requestId())
            .actor(caller.memberId(), caller.agencyId())
            .roles(caller.roles().stream().map(Role::realmRole).collect(Collectors.toSet()))
            .purpose(request.purpose())
            .subjectId(request.subjectId())
            .caseId(request.caseId())
            .recordId(request.resourceId())
            .fields(fields)
            .policyPackVersion(engine.packVersion())
            .detail("view", request.view());
    // Flagged only where the grant can have opened something: reads stating the emergency.
    if (request.purpose() == org.casereview.policy.Purpose.EMERGENCY) {
      decisionRequest.breakGlass().ifPresent(g -> event.breakGlass(true, g.grantId()));
    }
    return event;
  }

  private DecisionRequest decisionRequest(Requester requester, DisclosureRequest request) {
    Instant now = Instant.now(clock);
    CaseContext context =
        request.caseId() == null ? CaseContext.NONE : cases.contextOf(request.caseId());
    CaseFacts facts =
        new CaseFacts(
            context.caseId(),
            request.subjectId(),
            context.leadAgencyId(),
            context.participatingAgencyIds(),
            context.safetyPlanAgencyIds(),
            context.flags());
    List<ConsentGrant> grants = consents.grantsOf(request.subjectId());
    Optional<BreakGlassGrant> grant =
        request.caseId() == null
            ? Optional.empty()
            : breakGlass.activeGrant(requester.memberId(), request.caseId(), now);
    return new DecisionRequest(requester, request.purpose(), facts, grants, grant, now);
  }

  private FieldLabel label(FieldSource field) {
    return new FieldLabel(
        field.name(),
        field.category(),
        field.authorAgencyId(),
        legalStatusOf(field.authorAgencyId()));
  }

  private static Set<LegalStatus> legalStatusOf(UUID agencyId) {
    Agency author = Agency.findById(agencyId);
    if (author == null) {
      throw new ApiProblem(ErrorCode.INTERNAL_ERROR, "A field names an unknown authoring agency");
    }
    return author.legalStatus;
  }

  private static DisclosedField disclosedField(
      FieldSource field, FieldDecision decision, String value) {
    return new DisclosedField(
        DisclosedField.Status.DISCLOSED,
        field.category().name(),
        field.category().hl7SensitivityCode(),
        value,
        decision.ruleId(),
        decision.citation(),
        null,
        null,
        decision.obligations().stream().map(Obligation::name).sorted().toList(),
        decision.obligations().contains(Obligation.PART2_REDISCLOSURE_NOTICE)
            ? DisclosedField.PART2_NOTICE
            : null);
  }

  private static DisclosedField withheldField(FieldSource field, FieldDecision decision) {
    return new DisclosedField(
        DisclosedField.Status.WITHHELD,
        field.category().name(),
        field.category().hl7SensitivityCode(),
        null,
        decision.ruleId(),
        decision.citation(),
        decision.reason(),
        decision.remedy(),
        List.of(),
        null);
  }

  private static DisclosedField erasedField(FieldSource field) {
    return new DisclosedField(
        DisclosedField.Status.WITHHELD,
        field.category().name(),
        field.category().hl7SensitivityCode(),
        null,
        SUBJECT_ERASED,
        "erasure",
        "The youth's data was erased (crypto-shredded); the value no longer exists",
        "Nothing can restore it",
        List.of(),
        null);
  }

  private static AuditField released(FieldSource field, FieldDecision decision) {
    return AuditField.released(
        field.name(),
        field.category(),
        decision.ruleId(),
        decision.citation(),
        decision.consentId(),
        decision.exception(),
        field.authorAgencyId(),
        decision.obligations().stream().map(Obligation::name).collect(Collectors.toSet()));
  }

  private static AuditField withheld(FieldSource field, String ruleId, String citation) {
    return AuditField.withheld(
        field.name(), field.category(), ruleId, citation, field.authorAgencyId());
  }
}
