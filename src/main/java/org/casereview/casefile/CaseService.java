package org.casereview.casefile;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casereview.agency.Agency;
import org.casereview.api.ApiProblem;
import org.casereview.api.Cursor;
import org.casereview.api.ErrorCode;
import org.casereview.api.Page;
import org.casereview.api.Problem;
import org.casereview.audit.AuditEventType;
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

/**
 * Cases: opened from a referral, assigned to agencies with an active MOU, closed with an outcome.
 */
@ApplicationScoped
public class CaseService {

  @Inject CurrentCaller callers;
  @Inject SubjectService subjects;
  @Inject DisclosureService disclosures;
  @Inject AuditTrail auditTrail;
  @Inject FieldCodec codec;
  @Inject EntityManager em;
  @Inject Clock clock;

  /** Opens a case for a youth (caller's transaction: the referral moves in the same one). */
  public CaseFile open(UUID subjectId, UUID leadAgencyId, Set<UUID> participatingAgencyIds) {
    Caller caller = callers.get();
    Instant now = Instant.now(clock);
    CaseFile file = new CaseFile();
    file.id = UUID.randomUUID();
    file.caseNumber = nextCaseNumber(now);
    file.subjectId = subjectId;
    file.status = CaseStatus.OPEN;
    file.openedAt = now;
    file.openedBy = caller.memberId();
    file.persist();
    if (leadAgencyId != null
        || (participatingAgencyIds != null && !participatingAgencyIds.isEmpty())) {
      if (leadAgencyId == null) {
        throw ApiProblem.invalid("leadAgencyId", "required when participating agencies are named");
      }
      assignAgencies(
          file,
          leadAgencyId,
          participatingAgencyIds == null ? Set.of() : participatingAgencyIds,
          now);
    }
    auditTrail.change(
        AuditEventType.CASE_OPENED,
        subjectId,
        file.id,
        file.id,
        Map.of("caseNumber", file.caseNumber));
    return file;
  }

  @Transactional
  public void assign(UUID caseId, CaseRequests.AssignAgencies request) {
    CaseFile file = existing(caseId);
    requireOpen(file);
    assignAgencies(
        file, request.leadAgencyId(), request.participatingAgencyIds(), Instant.now(clock));
    auditTrail.change(
        AuditEventType.CASE_ASSIGNED,
        file.subjectId,
        file.id,
        file.id,
        Map.of(
            "leadAgencyId", request.leadAgencyId().toString(),
            "participants", String.valueOf(CaseParticipant.agenciesOf(file.id).size())));
  }

  @Transactional
  public void setFlags(UUID caseId, CaseRequests.Flags request) {
    CaseFile file = existing(caseId);
    requireOpen(file);
    file.flags = Set.copyOf(request.flags());
    auditTrail.change(
        AuditEventType.CASE_FLAGS_CHANGED,
        file.subjectId,
        file.id,
        file.id,
        Map.of(
            "flags",
            file.flags.stream().map(Enum::name).sorted().collect(Collectors.joining(","))));
  }

  @Transactional
  public void close(UUID caseId, CaseRequests.Close request) {
    CaseFile file = existing(caseId);
    requireOpen(file);
    file.status = CaseStatus.CLOSED;
    file.closedAt = Instant.now(clock);
    file.outcome = request.outcome();
    file.outcomeNoteSealed =
        codec.seal(
            file.subjectId,
            new FieldPlace(CaseFile.TABLE, "outcome_note_sealed", file.id),
            request.note());
    auditTrail.change(
        AuditEventType.CASE_CLOSED,
        file.subjectId,
        file.id,
        file.id,
        Map.of("outcome", request.outcome().name()));
  }

  /** Cases the caller's agency takes part in; a coordinator sees every case. */
  @Transactional
  public Page<CaseView> list(CaseFilter filter, Purpose purpose) {
    Caller caller = callers.get();
    StringBuilder where = new StringBuilder("1 = 1");
    Parameters params = new Parameters();
    if (!caller.isCoordinator()) {
      where.append(
          " and id in (select p.key.caseId from CaseParticipant p where p.key.agencyId = :agency)");
      params.and("agency", caller.agencyId());
    }
    if (filter.status() != null) {
      where.append(" and status = :status");
      params.and("status", filter.status());
    }
    if (filter.after() != null) {
      where.append(" and (openedAt < :at or (openedAt = :at and id < :id))");
      params.and("at", filter.after().at()).and("id", filter.after().id());
    }
    List<CaseFile> rows =
        CaseFile.<CaseFile>find(where + " order by openedAt desc, id desc", params)
            .range(0, filter.limit() - 1)
            .list();
    List<DisclosureRequest> requests = new ArrayList<>(rows.size());
    for (CaseFile file : rows) {
      Subject subject = Subject.findById(file.subjectId);
      List<FieldSource> fields = new ArrayList<>(summaryFields(file));
      fields.addAll(subjects.nameAndBirthDate(subject));
      requests.add(request(file, purpose, "case.list", fields));
    }
    List<Disclosure> shown = disclosures.discloseEach(requests);
    List<CaseView> items = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      items.add(new CaseView(rows.get(i).id, shown.get(i).fields()));
    }
    String next =
        rows.size() == filter.limit()
            ? new Cursor(rows.get(rows.size() - 1).openedAt, rows.get(rows.size() - 1).id).encode()
            : null;
    return new Page<>(items, next);
  }

  /** One case, every field decided for the caller. */
  @Transactional
  public CaseView read(UUID caseId, Purpose purpose) {
    CaseFile file = visible(caseId, purpose);
    Subject subject = Subject.findById(file.subjectId);
    List<FieldSource> fields = new ArrayList<>(summaryFields(file));
    // The youth's registry id (no value about them): what consents are recorded against.
    fields.add(clear(file, "subjectId", file.subjectId.toString()));
    fields.add(clear(file, "openedAt", file.openedAt.toString()));
    fields.add(clear(file, "closedAt", file.closedAt == null ? null : file.closedAt.toString()));
    fields.add(clear(file, "outcome", file.outcome == null ? null : file.outcome.name()));
    fields.add(
        clear(
            file,
            "flags",
            file.flags.stream().map(Enum::name).sorted().collect(Collectors.joining(","))));
    fields.add(
        clear(
            file,
            "referralIds",
            em
                .createQuery(
                    "select r.id from Referral r where r.caseId = :id order by r.receivedAt",
                    UUID.class)
                .setParameter("id", file.id)
                .getResultList()
                .stream()
                .map(UUID::toString)
                .collect(Collectors.joining(","))));
    fields.add(
        FieldSource.sealed(
            "outcomeNote",
            DataCategory.COORDINATION,
            authorOf(file),
            new FieldPlace(CaseFile.TABLE, "outcome_note_sealed", file.id),
            file.outcomeNoteSealed));
    fields.addAll(subjects.identityFields(subject));
    Disclosure shown = disclosures.disclose(request(file, purpose, "case.read", fields));
    return new CaseView(file.id, shown.fields());
  }

  /** One field as an agency would see it: the decision and its explanation, never the value. */
  public record PreviewField(
      String field,
      DataCategory category,
      String outcome,
      String rule,
      String citation,
      String reason,
      String remedy,
      List<String> obligations) {}

  /**
   * What a given agency would see of a case for a purpose, field by field with reasons, before a
   * review meeting. Nothing is decrypted; the preview itself is audited.
   */
  @Transactional
  public List<PreviewField> preview(
      UUID caseId, UUID agencyId, Purpose purpose, CaseRecordService records) {
    CaseFile file = existing(caseId);
    Subject subject = Subject.findById(file.subjectId);
    List<FieldSource> fields = new ArrayList<>(summaryFields(file));
    fields.addAll(subjects.identityFields(subject));
    fields.addAll(records.allFields(file));
    var requester = disclosures.requesterFor(agencyId);
    List<PreviewField> out =
        disclosures.preview(requester, request(file, purpose, "case.preview", fields)).stream()
            .map(
                d ->
                    new PreviewField(
                        d.field(),
                        d.category(),
                        d.outcome().name(),
                        d.ruleId(),
                        d.citation(),
                        d.reason(),
                        d.remedy(),
                        d.obligations().stream().map(Enum::name).sorted().toList()))
            .toList();
    auditTrail.change(
        AuditEventType.POLICY_PREVIEWED,
        file.subjectId,
        file.id,
        file.id,
        Map.of(
            "forAgencyId",
            agencyId.toString(),
            "purpose",
            purpose.name(),
            "fields",
            String.valueOf(out.size())));
    return out;
  }

  /** The case if the caller's agency takes part in it (or the caller coordinates); else 404. */
  public CaseFile visible(UUID caseId, Purpose purpose) {
    Caller caller = callers.get();
    CaseFile file = existing(caseId);
    if (!caller.isCoordinator() && !CaseParticipant.takesPart(caseId, caller.agencyId())) {
      throw auditTrail.refuseAsNotFound(purpose, file.subjectId, file.id, file.id, "Case");
    }
    return file;
  }

  public void requireOpen(CaseFile file) {
    if (file.status != CaseStatus.OPEN) {
      throw new ApiProblem(ErrorCode.ILLEGAL_TRANSITION, "The case is " + file.status);
    }
  }

  private CaseFile existing(UUID caseId) {
    CaseFile file = CaseFile.findById(caseId);
    if (file == null) {
      throw ApiProblem.notFound("Case");
    }
    return file;
  }

  /** Lead and participants must all have an active MOU; the lead always participates. */
  private void assignAgencies(
      CaseFile file, UUID leadAgencyId, Set<UUID> participants, Instant now) {
    Set<UUID> all = new LinkedHashSet<>();
    all.add(leadAgencyId);
    all.addAll(participants);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<Problem.FieldError> errors = new ArrayList<>();
    for (UUID agencyId : all) {
      Agency agency = Agency.findById(agencyId);
      String field = agencyId.equals(leadAgencyId) ? "leadAgencyId" : "participatingAgencyIds";
      if (agency == null) {
        errors.add(new Problem.FieldError(field, "unknown agency " + agencyId));
      } else if (!org.casereview.identity.CurrentCaller.mouOf(agencyId, today).active()) {
        errors.add(new Problem.FieldError(field, "agency " + agencyId + " has no active MOU"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiProblem(
          ErrorCode.AGENCY_NOT_ELIGIBLE,
          "Only agencies with an active MOU can take part in a case",
          errors);
    }
    file.leadAgencyId = leadAgencyId;
    CaseParticipant.delete("key.caseId = ?1 and key.agencyId not in ?2", file.id, all);
    Set<UUID> existing = CaseParticipant.agenciesOf(file.id);
    for (UUID agencyId : all) {
      if (!existing.contains(agencyId)) {
        CaseParticipant p = new CaseParticipant();
        p.key = new CaseParticipant.Key(file.id, agencyId);
        p.addedAt = now;
        p.persist();
      }
    }
  }

  private List<FieldSource> summaryFields(CaseFile file) {
    return List.of(
        clear(file, "caseNumber", file.caseNumber),
        clear(file, "status", file.status.name()),
        clear(
            file, "leadAgencyId", file.leadAgencyId == null ? null : file.leadAgencyId.toString()),
        clear(
            file,
            "participatingAgencyIds",
            CaseParticipant.agenciesOf(file.id).stream()
                .map(UUID::toString)
                .sorted()
                .collect(Collectors.joining(","))));
  }

  private DisclosureRequest request(
      CaseFile file, Purpose purpose, String view, List<FieldSource> fields) {
    return new DisclosureRequest(purpose, file.subjectId, file.id, view, file.id, fields);
  }

  /**
   * Case-level coordination fields belong to the case as a whole; they are labelled with the agency
   * that recorded the youth, so that agency keeps sight of the case it referred.
   */
  private static UUID authorOf(CaseFile file) {
    Subject subject = Subject.findById(file.subjectId);
    return subject.sourceAgencyId;
  }

  private static FieldSource clear(CaseFile file, String name, String value) {
    return FieldSource.clear(name, DataCategory.COORDINATION, authorOf(file), value);
  }

  private String nextCaseNumber(Instant now) {
    Number n = (Number) em.createNativeQuery("select nextval('case_number_seq')").getSingleResult();
    return String.format(
        "MDT-%d-%05d", LocalDate.ofInstant(now, ZoneOffset.UTC).getYear(), n.longValue());
  }
}
