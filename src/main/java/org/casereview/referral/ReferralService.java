package org.casereview.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casereview.api.ApiProblem;
import org.casereview.api.Cursor;
import org.casereview.api.ErrorCode;
import org.casereview.api.Page;
import org.casereview.audit.AuditEventType;
import org.casereview.casefile.CaseFile;
import org.casereview.casefile.CaseService;
import org.casereview.crypto.FieldCodec;
import org.casereview.crypto.FieldPlace;
import org.casereview.disclosure.AuditTrail;
import org.casereview.disclosure.Disclosure;
import org.casereview.disclosure.DisclosureRequest;
import org.casereview.disclosure.DisclosureService;
import org.casereview.disclosure.FieldSource;
import org.casereview.identity.Caller;
import org.casereview.identity.CurrentCaller;
import org.casereview.policy.DataCategory;
import org.casereview.policy.Purpose;
import org.casereview.subject.Subject;
import org.casereview.subject.SubjectService;

/** Intake and triage: the coordinator's workflow from a received referral to a case. */
@ApplicationScoped
public class ReferralService {

  @Inject CurrentCaller callers;
  @Inject SubjectService subjects;
  @Inject CaseService cases;
  @Inject FieldCodec codec;
  @Inject DisclosureService disclosures;
  @Inject AuditTrail auditTrail;
  @Inject ObjectMapper json;
  @Inject Clock clock;

  /** The outcome of intake: the receipt, and whether it replays an earlier identical request. */
  public record Intake(ReferralReceipt receipt, boolean replayed) {}

  /**
   * Records a referral for the caller's own agency. With an Idempotency-Key, the same key and body
   * return the first result and the same key with another body is refused.
   */
  @Transactional
  public Intake create(NewReferral request, String idempotencyKey) {
    Caller caller = callers.get();
    if (!caller.mou().active()) {
      throw auditTrail.refuse(
          Purpose.CASE_REVIEW,
          null,
          null,
          null,
          "NO_ACTIVE_MOU",
          new ApiProblem(
              ErrorCode.MOU_INACTIVE, "Your agency has no active MOU with the task force"));
    }
    String requestHash = hash(request);
    if (idempotencyKey != null) {
      Optional<Intake> earlier = replay(caller, idempotencyKey, requestHash);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    Instant now = Instant.now(clock);
    Subject subject = subjects.record(request.youth(), caller.agencyId());
    Referral referral = new Referral();
    referral.id = UUID.randomUUID();
    referral.sourceAgencyId = caller.agencyId();
    referral.sourceMemberId = caller.memberId();
    referral.subjectId = subject.id;
    referral.receivedAt = now;
    referral.urgency = request.urgency();
    referral.status = ReferralStatus.RECEIVED;
    referral.statusChangedAt = now;
    referral.statusChangedBy = caller.memberId();
    referral.narrativeCategory =
        request.narrativeCategory() == null
            ? DataCategory.COORDINATION
            : request.narrativeCategory();
    referral.narrativeSealed = seal(referral, "narrative_sealed", request.narrative());
    referral.indicatorsSealed =
        request.indicators() == null || request.indicators().isEmpty()
            ? null
            : seal(
                referral,
                "indicators_sealed",
                String.join(",", request.indicators().stream().map(Enum::name).sorted().toList()));
    referral.persist();
    if (idempotencyKey != null) {
      IdempotencyRecord record = new IdempotencyRecord();
      record.key = new IdempotencyRecord.Key(caller.memberId(), idempotencyKey);
      record.requestHash = requestHash;
      record.resourceId = referral.id;
      record.createdAt = now;
      // Flushed here so that a concurrent request with the same key fails inside this call
      // (and is answered with the winner's result) rather than at commit.
      record.persistAndFlush();
    }
    auditTrail.change(
        AuditEventType.REFERRAL_CREATED,
        subject.id,
        null,
        referral.id,
        Map.of(
            "urgency",
            referral.urgency.name(),
            "narrativeCategory",
            referral.narrativeCategory.name()));
    return new Intake(receipt(referral), false);
  }

  /** Looks up an earlier result of this key (after a concurrent insert lost the race too). */
  @Transactional
  public Optional<Intake> replay(NewReferral request, String idempotencyKey) {
    return replay(callers.get(), idempotencyKey, hash(request));
  }

  private Optional<Intake> replay(Caller caller, String idempotencyKey, String requestHash) {
    return IdempotencyRecord.lookup(caller.memberId(), idempotencyKey)
        .map(
            record -> {
              if (!record.requestHash.equals(requestHash)) {
                throw new ApiProblem(
                    ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request body");
              }
              Referral referral = Referral.findById(record.resourceId);
              return new Intake(receipt(referral), true);
            });
  }

  /** The coordinator's queue (all referrals) or a member's view of their agency's referrals. */
  @Transactional
  public Page<ReferralView> list(ReferralFilter filter, Purpose purpose) {
    Caller caller = callers.get();
    StringBuilder where = new StringBuilder("1 = 1");
    Parameters params = new Parameters();
    if (!caller.isCoordinator()) {
      where.append(" and sourceAgencyId = :own");
      params.and("own", caller.agencyId());
    }
    if (filter.status() != null) {
      where.append(" and status = :status");
      params.and("status", filter.status());
    }
    if (filter.urgency() != null) {
      where.append(" and urgency = :urgency");
      params.and("urgency", filter.urgency());
    }
    if (filter.sourceAgencyId() != null) {
      where.append(" and sourceAgencyId = :source");
      params.and("source", filter.sourceAgencyId());
    }
    if (filter.receivedFrom() != null) {
      where.append(" and receivedAt >= :from");
      params.and("from", filter.receivedFrom());
    }
    if (filter.receivedTo() != null) {
      where.append(" and receivedAt < :to");
      params.and("to", filter.receivedTo());
    }
    if (filter.after() != null) {
      where.append(" and (receivedAt < :at or (receivedAt = :at and id < :id))");
      params.and("at", filter.after().at()).and("id", filter.after().id());
    }
    List<Referral> rows =
        Referral.<Referral>find(where + " order by receivedAt desc, id desc", params)
            .range(0, filter.limit() - 1)
            .list();
    List<DisclosureRequest> requests = new ArrayList<>(rows.size());
    for (Referral referral : rows) {
      requests.add(
          request(referral, purpose, "referral.queue", queueFields(referral, subjectOf(referral))));
    }
    List<Disclosure> shown = disclosures.discloseEach(requests);
    List<ReferralView> items = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      items.add(new ReferralView(rows.get(i).id, shown.get(i).fields()));
    }
    String next =
        rows.size() == filter.limit()
            ? new Cursor(rows.get(rows.size() - 1).receivedAt, rows.get(rows.size() - 1).id)
                .encode()
            : null;
    return new Page<>(items, next);
  }

  /** One referral, every field decided for the caller. */
  @Transactional
  public ReferralView read(UUID id, Purpose purpose) {
    Referral referral = visible(id, purpose);
    Subject subject = subjectOf(referral);
    List<FieldSource> fields = new ArrayList<>(workflowFields(referral));
    fields.addAll(contentFields(referral));
    fields.addAll(subjects.identityFields(subject));
    Disclosure shown = disclosures.disclose(request(referral, purpose, "referral.read", fields));
    return new ReferralView(referral.id, shown.fields());
  }

  @Transactional
  public ReferralReceipt triage(UUID id, ReferralRequests.Triage request) {
    Caller caller = callers.get();
    Referral referral = forUpdate(id);
    referral.moveTo(ReferralStatus.TRIAGED, caller.memberId(), Instant.now(clock));
    referral.urgency = request.urgency();
    referral.triageNoteSealed = seal(referral, "triage_note_sealed", request.note());
    auditTrail.change(
        AuditEventType.REFERRAL_TRIAGED,
        referral.subjectId,
        null,
        referral.id,
        Map.of("urgency", referral.urgency.name()));
    return receipt(referral);
  }

  @Transactional
  public CaseFile openCase(UUID id, ReferralRequests.OpenCase request) {
    Caller caller = callers.get();
    Referral referral = forUpdate(id);
    referral.moveTo(ReferralStatus.LINKED, caller.memberId(), Instant.now(clock));
    CaseFile file =
        cases.open(
            referral.subjectId,
            request == null ? null : request.leadAgencyId(),
            request == null ? null : request.participatingAgencyIds());
    referral.caseId = file.id;
    auditTrail.change(
        AuditEventType.REFERRAL_LINKED,
        referral.subjectId,
        file.id,
        referral.id,
        Map.of("caseNumber", file.caseNumber, "newCase", "true"));
    return file;
  }

  @Transactional
  public ReferralReceipt link(UUID id, ReferralRequests.Link request) {
    Caller caller = callers.get();
    Referral referral = forUpdate(id);
    CaseFile file = CaseFile.findById(request.caseId());
    if (file == null) {
      throw ApiProblem.invalid("caseId", "no such case");
    }
    cases.requireOpen(file);
    referral.moveTo(ReferralStatus.LINKED, caller.memberId(), Instant.now(clock));
    referral.caseId = file.id;
    auditTrail.change(
        AuditEventType.REFERRAL_LINKED,
        referral.subjectId,
        file.id,
        referral.id,
        Map.of("caseNumber", file.caseNumber, "newCase", "false"));
    return receipt(referral);
  }

  @Transactional
  public ReferralReceipt decline(UUID id, ReferralRequests.Decline request) {
    Caller caller = callers.get();
    Referral referral = forUpdate(id);
    referral.moveTo(ReferralStatus.DECLINED, caller.memberId(), Instant.now(clock));
    referral.declineReasonSealed = seal(referral, "decline_reason_sealed", request.reason());
    auditTrail.change(
        AuditEventType.REFERRAL_DECLINED, referral.subjectId, null, referral.id, Map.of());
    return receipt(referral);
  }

  /** The referring agency takes its referral back. */
  @Transactional
  public ReferralReceipt withdraw(UUID id, ReferralRequests.Withdraw request) {
    Caller caller = callers.get();
    Referral referral = Referral.findById(id);
    if (referral == null || !referral.sourceAgencyId.equals(caller.agencyId())) {
      throw auditTrail.refuseAsNotFound(
          null, referral == null ? null : referral.subjectId, null, id, "Referral");
    }
    referral.moveTo(ReferralStatus.WITHDRAWN, caller.memberId(), Instant.now(clock));
    if (request != null && request.reason() != null) {
      referral.declineReasonSealed = seal(referral, "decline_reason_sealed", request.reason());
    }
    auditTrail.change(
        AuditEventType.REFERRAL_WITHDRAWN, referral.subjectId, null, referral.id, Map.of());
    return receipt(referral);
  }

  Referral visible(UUID id, Purpose purpose) {
    Caller caller = callers.get();
    Referral referral = Referral.findById(id);
    if (referral == null) {
      throw ApiProblem.notFound("Referral");
    }
    if (!caller.isCoordinator() && !referral.sourceAgencyId.equals(caller.agencyId())) {
      throw auditTrail.refuseAsNotFound(
          purpose, referral.subjectId, referral.caseId, id, "Referral");
    }
    return referral;
  }

  Subject subjectOf(Referral referral) {
    return Subject.findById(referral.subjectId);
  }

  private Referral forUpdate(UUID id) {
    Referral referral = Referral.findById(id);
    if (referral == null) {
      throw ApiProblem.notFound("Referral");
    }
    return referral;
  }

  DisclosureRequest request(
      Referral referral, Purpose purpose, String view, List<FieldSource> fields) {
    return new DisclosureRequest(
        purpose, referral.subjectId, referral.caseId, view, referral.id, fields);
  }

  /** Workflow state: clear text, but case data all the same, so it passes the policy too. */
  private List<FieldSource> workflowFields(Referral r) {
    List<FieldSource> fields = new ArrayList<>();
    fields.add(clear(r, "status", r.status.name()));
    fields.add(clear(r, "urgency", r.urgency.name()));
    fields.add(clear(r, "receivedAt", r.receivedAt.toString()));
    fields.add(clear(r, "sourceAgencyId", r.sourceAgencyId.toString()));
    fields.add(clear(r, "caseId", r.caseId == null ? null : r.caseId.toString()));
    return fields;
  }

  private List<FieldSource> queueFields(Referral r, Subject subject) {
    List<FieldSource> fields = new ArrayList<>(workflowFields(r));
    fields.addAll(subjects.nameAndBirthDate(subject));
    return fields;
  }

  private List<FieldSource> contentFields(Referral r) {
    return List.of(
        sealed(r, "indicators", DataCategory.COORDINATION, "indicators_sealed", r.indicatorsSealed),
        sealed(r, "narrative", r.narrativeCategory, "narrative_sealed", r.narrativeSealed),
        sealed(
            r, "triageNote", DataCategory.COORDINATION, "triage_note_sealed", r.triageNoteSealed),
        sealed(
            r,
            "declineReason",
            DataCategory.COORDINATION,
            "decline_reason_sealed",
            r.declineReasonSealed));
  }

  private static FieldSource clear(Referral r, String name, String value) {
    return FieldSource.clear(name, DataCategory.COORDINATION, r.sourceAgencyId, value);
  }

  private static FieldSource sealed(
      Referral r, String name, DataCategory category, String column, byte[] ciphertext) {
    return FieldSource.sealed(
        name, category, r.sourceAgencyId, new FieldPlace(Referral.TABLE, column, r.id), ciphertext);
  }

  private byte[] seal(Referral r, String column, String value) {
    return codec.seal(r.subjectId, new FieldPlace(Referral.TABLE, column, r.id), value);
  }

  private static ReferralReceipt receipt(Referral r) {
    return new ReferralReceipt(r.id, r.subjectId, r.status, r.urgency, r.receivedAt);
  }

  /** SHA-256 of the request in a canonical form: same content, same hash, whatever the order. */
  private String hash(NewReferral request) {
    Map<String, Object> canonical = new LinkedHashMap<>();
    canonical.put("youth", request.youth());
    canonical.put(
        "indicators",
        request.indicators() == null
            ? List.of()
            : request.indicators().stream().map(Enum::name).sorted().toList());
    canonical.put("narrative", request.narrative());
    canonical.put("narrativeCategory", request.narrativeCategory());
    canonical.put("urgency", request.urgency());
    try {
      byte[] bytes = json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash the request", e);
    }
  }
}
