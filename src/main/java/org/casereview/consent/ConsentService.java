package org.casereview.consent;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casereview.api.ApiProblem;
import org.casereview.api.ErrorCode;
import org.casereview.api.Problem;
import org.casereview.audit.AuditEvent;
import org.casereview.audit.AuditEventType;
import org.casereview.audit.AuditLog;
import org.casereview.casefile.CaseFile;
import org.casereview.casefile.CaseParticipant;
import org.casereview.disclosure.AuditTrail;
import org.casereview.disclosure.Disclosure;
import org.casereview.disclosure.DisclosureRequest;
import org.casereview.disclosure.DisclosureService;
import org.casereview.disclosure.FieldSource;
import org.casereview.identity.Caller;
import org.casereview.identity.CurrentCaller;
import org.casereview.policy.CaseFlag;
import org.casereview.policy.ConsentDraft;
import org.casereview.policy.ConsentViolation;
import org.casereview.policy.DataCategory;
import org.casereview.policy.Grantor;
import org.casereview.policy.PolicyEngine;
import org.casereview.policy.Purpose;
import org.casereview.subject.Subject;

/**
 * The consent registry. Consents are validated against the pack's consent rules before they are
 * accepted; a revocation is a timestamp that the very next disclosure reads; expiry needs no job to
 * take effect, the scheduler only records it in the audit log.
 */
@ApplicationScoped
public class ConsentService {

  @Inject CurrentCaller callers;
  @Inject PolicyEngine engine;
  @Inject DisclosureService disclosures;
  @Inject AuditTrail auditTrail;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Transactional
  public UUID record(UUID subjectId, ConsentRequest request) {
    Caller caller = callers.get();
    Subject subject = requireMayManage(caller, subjectId);
    ConsentDraft draft =
        new ConsentDraft(
            request.categories(),
            request.recipientAgencyIds() == null
                ? java.util.Set.of()
                : request.recipientAgencyIds(),
            request.recipientSectors() == null ? java.util.Set.of() : request.recipientSectors(),
            request.purposes(),
            request.validFrom(),
            request.validUntil(),
            request.form(),
            request.grantors().stream()
                .map(g -> new Grantor(g.kind(), g.suspectedAbuser()))
                .toList(),
            request.namesPsychotherapyNotes(),
            subjectIsMinor(subjectId));
    List<ConsentViolation> violations = engine.consentRules().validate(draft);
    if (!violations.isEmpty()) {
      throw new ApiProblem(
          ErrorCode.RULE_VIOLATION,
          "The law would not accept this consent: " + violations.get(0).ruleId(),
          violations.stream()
              .map(v -> new Problem.FieldError(v.ruleId(), v.message() + " (" + v.citation() + ")"))
              .toList());
    }
    Consent consent = new Consent();
    consent.id = UUID.randomUUID();
    consent.subjectId = subject.id;
    consent.categories = request.categories();
    consent.recipientAgencyIds = draft.recipientAgencyIds();
    consent.recipientSectors = draft.recipientSectors();
    consent.purposes = request.purposes();
    consent.grantors =
        request.grantors().stream()
            .map(ConsentRequest.GrantorEntry::kind)
            .collect(Collectors.toUnmodifiableSet());
    consent.namesPsychotherapyNotes = request.namesPsychotherapyNotes();
    consent.form = request.form();
    consent.documentSha256 = request.documentSha256();
    consent.termsVersion = request.termsVersion();
    consent.validFrom = request.validFrom();
    consent.validUntil = request.validUntil();
    consent.recordedAt = Instant.now(clock);
    consent.recordedBy = caller.memberId();
    consent.recordedByAgencyId = caller.agencyId();
    consent.persist();
    auditTrail.change(
        AuditEventType.CONSENT_GRANTED,
        subjectId,
        null,
        consent.id,
        Map.of(
            "categories", joined(consent.categories),
            "purposes", joined(consent.purposes),
            "validUntil", consent.validUntil.toString()));
    return consent.id;
  }

  @Transactional
  public void revoke(UUID consentId, String reasonCode) {
    Caller caller = callers.get();
    Consent consent = Consent.findById(consentId);
    if (consent == null) {
      throw ApiProblem.notFound("Consent");
    }
    requireMayManage(caller, consent.subjectId);
    if (consent.revokedAt != null) {
      throw new ApiProblem(ErrorCode.ILLEGAL_TRANSITION, "The consent is already revoked");
    }
    consent.revokedAt = Instant.now(clock);
    consent.revokedBy = caller.memberId();
    consent.revocationReasonCode = reasonCode;
    auditTrail.change(
        AuditEventType.CONSENT_REVOKED,
        consent.subjectId,
        null,
        consent.id,
        Map.of("reason", reasonCode));
  }

  /** A youth's consents, live and past: the history stays. */
  @Transactional
  public List<ConsentView> list(UUID subjectId, Purpose purpose) {
    requireMayManage(callers.get(), subjectId);
    return views(Consent.ofSubject(subjectId), purpose, Instant.now(clock));
  }

  /** Live consents that end within the given number of days: the coordinator renews them. */
  @Transactional
  public List<ConsentView> expiring(int days, Purpose purpose) {
    Instant now = Instant.now(clock);
    List<Consent> consents =
        Consent.list(
            "revokedAt is null and validFrom <= ?1 and validUntil > ?1 and validUntil <= ?2"
                + " order by validUntil",
            now,
            now.plus(Duration.ofDays(days)));
    return views(consents, purpose, now);
  }

  /** Each consent's scope through the disclosure path: one audited view per consent. */
  private List<ConsentView> views(List<Consent> consents, Purpose purpose, Instant now) {
    List<Disclosure> shown =
        disclosures.discloseEach(consents.stream().map(c -> request(c, purpose)).toList());
    List<ConsentView> views = new ArrayList<>(consents.size());
    for (int i = 0; i < consents.size(); i++) {
      Consent c = consents.get(i);
      views.add(new ConsentView(c.id, c.subjectId, status(c, now), shown.get(i).fields()));
    }
    return views;
  }

  /** Records each consent's expiry in the audit log once; the policy already ignores it. */
  @Scheduled(every = "${mdt.consent.expiry-check:60s}", delayed = "10s")
  @Transactional
  void recordExpiries() {
    Instant now = Instant.now(clock);
    List<Consent> expired =
        Consent.list("revokedAt is null and validUntil <= ?1 and expiryRecordedAt is null", now);
    for (Consent consent : expired) {
      consent.expiryRecordedAt = now;
      audit.record(
          AuditEvent.builder(AuditEventType.CONSENT_EXPIRED)
              .subjectId(consent.subjectId)
              .recordId(consent.id)
              .detail("validUntil", consent.validUntil.toString())
              .build());
    }
  }

  /**
   * Consents are managed by the coordinator and by the agencies on the youth's case (or the agency
   * that referred the youth); everyone else is told the youth does not exist.
   */
  private Subject requireMayManage(Caller caller, UUID subjectId) {
    if (!caller.mou().active()) {
      throw new ApiProblem(
          ErrorCode.MOU_INACTIVE, "Your agency has no active MOU with the task force");
    }
    if (!caller.trainingCurrent()) {
      throw new ApiProblem(
          ErrorCode.TRAINING_EXPIRED, "Your confidentiality training is not current");
    }
    Subject subject = Subject.findById(subjectId);
    if (subject == null) {
      throw ApiProblem.notFound("Youth");
    }
    if (caller.isCoordinator() || subject.sourceAgencyId.equals(caller.agencyId())) {
      return subject;
    }
    List<CaseFile> cases = CaseFile.list("subjectId", subjectId);
    for (CaseFile file : cases) {
      if (CaseParticipant.takesPart(file.id, caller.agencyId())) {
        return subject;
      }
    }
    throw auditTrail.refuseAsNotFound(null, subjectId, null, subjectId, "Youth");
  }

  private static boolean subjectIsMinor(UUID subjectId) {
    List<CaseFile> cases = CaseFile.list("subjectId", subjectId);
    return cases.stream().noneMatch(c -> c.flags.contains(CaseFlag.SUBJECT_IS_ADULT));
  }

  private DisclosureRequest request(Consent c, Purpose purpose) {
    List<FieldSource> fields =
        List.of(
            clear(c, "categories", joined(c.categories)),
            clear(
                c,
                "recipientAgencyIds",
                c.recipientAgencyIds.stream()
                    .map(UUID::toString)
                    .sorted()
                    .collect(Collectors.joining(","))),
            clear(c, "recipientSectors", joined(c.recipientSectors)),
            clear(c, "purposes", joined(c.purposes)),
            clear(c, "grantors", joined(c.grantors)),
            clear(c, "namesPsychotherapyNotes", String.valueOf(c.namesPsychotherapyNotes)),
            clear(c, "form", c.form.name()),
            clear(c, "documentSha256", c.documentSha256),
            clear(c, "termsVersion", c.termsVersion),
            clear(c, "validFrom", c.validFrom.toString()),
            clear(c, "validUntil", c.validUntil.toString()),
            clear(c, "recordedAt", c.recordedAt.toString()),
            clear(c, "recordedByAgencyId", c.recordedByAgencyId.toString()),
            clear(c, "revokedAt", c.revokedAt == null ? null : c.revokedAt.toString()));
    return new DisclosureRequest(purpose, c.subjectId, null, "consent.read", c.id, fields);
  }

  private static FieldSource clear(Consent c, String name, String value) {
    return FieldSource.clear(name, DataCategory.COORDINATION, c.recordedByAgencyId, value);
  }

  static String status(Consent c, Instant now) {
    if (c.revokedAt != null) {
      return "REVOKED";
    }
    if (now.isBefore(c.validFrom)) {
      return "PENDING";
    }
    return now.isBefore(c.validUntil) ? "ACTIVE" : "EXPIRED";
  }

  private static String joined(java.util.Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }
}
