package org.casereview.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casereview.api.ApiProblem;
import org.casereview.api.Cursor;
import org.casereview.api.ErrorCode;
import org.casereview.api.Page;
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

/** Case records: added by agencies on the case, read field by field through the policy. */
@ApplicationScoped
public class CaseRecordService {

  /** The field whose decision gates whether the caller learns the record exists at all. */
  static final String TYPE_FIELD = "recordType";

  /** Categories whose mere presence discloses something; a free-form record holds at most one. */
  static final Set<DataCategory> SENSITIVE_EXISTENCE =
      EnumSet.of(
          DataCategory.SUBSTANCE_USE,
          DataCategory.PSYCHOTHERAPY_NOTES,
          DataCategory.MENTAL_HEALTH,
          DataCategory.VICTIM_ADVOCACY,
          DataCategory.IMMIGRATION,
          DataCategory.LAW_ENFORCEMENT_SENSITIVE);

  @Inject CurrentCaller callers;
  @Inject CaseService cases;
  @Inject DisclosureService disclosures;
  @Inject AuditTrail auditTrail;
  @Inject FieldCodec codec;
  @Inject Clock clock;

  @Transactional
  public UUID add(UUID caseId, RecordRequests request) {
    Caller caller = callers.get();
    CaseFile file = cases.visible(caseId, null);
    cases.requireOpen(file);
    if (!caller.mou().active()) {
      throw new ApiProblem(
          ErrorCode.MOU_INACTIVE, "Your agency has no active MOU with the task force");
    }
    if (!CaseParticipant.takesPart(caseId, caller.agencyId())) {
      throw ApiProblem.forbidden("Only agencies taking part in the case add records to it");
    }
    Map<String, FieldInput> fields = fieldsOf(request);
    CaseRecord record = new CaseRecord();
    record.id = UUID.randomUUID();
    record.caseId = caseId;
    record.subjectId = file.subjectId;
    record.type = request.type();
    record.existenceCategory = existenceCategory(request.type(), fields.values());
    record.authorAgencyId = caller.agencyId();
    record.authorMemberId = caller.memberId();
    record.createdAt = Instant.now(clock);
    record.persist();
    int position = 0;
    for (Map.Entry<String, FieldInput> entry : fields.entrySet()) {
      RecordField field = new RecordField();
      field.key = new RecordField.Key(record.id, position++);
      field.name = entry.getKey();
      field.category = entry.getValue().category();
      field.valueSealed = codec.seal(file.subjectId, place(field), entry.getValue().value());
      field.persist();
    }
    auditTrail.change(
        AuditEventType.RECORD_ADDED,
        file.subjectId,
        caseId,
        record.id,
        Map.of(
            "recordType",
            record.type.name(),
            "categories",
            fields.values().stream()
                .map(f -> f.category().name())
                .distinct()
                .sorted()
                .collect(Collectors.joining(","))));
    return record.id;
  }

  /** The records of a case the caller may know of; the others are neither shown nor counted. */
  @Transactional
  public Page<RecordView> list(UUID caseId, Purpose purpose, Cursor after, int limit) {
    CaseFile file = cases.visible(caseId, purpose);
    String query =
        "caseId = ?1"
            + (after == null ? "" : " and (createdAt < ?2 or (createdAt = ?2 and id < ?3))");
    List<CaseRecord> rows =
        after == null
            ? CaseRecord.<CaseRecord>find(query + " order by createdAt desc, id desc", caseId)
                .range(0, limit - 1)
                .list()
            : CaseRecord.<CaseRecord>find(
                    query + " order by createdAt desc, id desc", caseId, after.at(), after.id())
                .range(0, limit - 1)
                .list();
    List<RecordView> items = new ArrayList<>();
    for (CaseRecord record : rows) {
      disclosures
          .discloseGated(request(file, record, purpose, "record.list"), TYPE_FIELD)
          .ifPresent(shown -> items.add(new RecordView(record.id, caseId, shown.fields())));
    }
    // The cursor follows the rows scanned, not the rows shown: page sizes reveal nothing.
    String next =
        rows.size() == limit
            ? new Cursor(rows.get(rows.size() - 1).createdAt, rows.get(rows.size() - 1).id).encode()
            : null;
    return new Page<>(items, next);
  }

  @Transactional
  public RecordView read(UUID caseId, UUID recordId, Purpose purpose) {
    CaseFile file = cases.visible(caseId, purpose);
    CaseRecord record = CaseRecord.findById(recordId);
    if (record == null || !record.caseId.equals(caseId)) {
      throw ApiProblem.notFound("Record");
    }
    Optional<Disclosure> shown =
        disclosures.discloseGated(request(file, record, purpose, "record.read"), TYPE_FIELD);
    return shown
        .map(s -> new RecordView(record.id, caseId, s.fields()))
        .orElseThrow(() -> ApiProblem.notFound("Record"));
  }

  /** Every field of every record of the case, for a preview (decided, never decrypted). */
  List<FieldSource> allFields(CaseFile file) {
    List<FieldSource> fields = new ArrayList<>();
    List<CaseRecord> all = CaseRecord.list("caseId = ?1 order by createdAt", file.id);
    var coordinator = disclosures.requester(callers.get());
    for (CaseRecord record : all) {
      DisclosureRequest request = request(file, record, Purpose.CASE_REVIEW, "preview");
      // Records whose existence is withheld from the coordinator stay out of the preview too.
      boolean known =
          disclosures.preview(coordinator, request).stream()
              .anyMatch(d -> d.field().equals(TYPE_FIELD) && d.permitted());
      if (!known) {
        continue;
      }
      for (FieldSource f : request.fields()) {
        fields.add(
            new FieldSource(
                "records." + record.id + "." + f.name(),
                f.category(),
                f.authorAgencyId(),
                f.place(),
                f.ciphertext(),
                f.clearValue()));
      }
    }
    return fields;
  }

  private DisclosureRequest request(
      CaseFile file, CaseRecord record, Purpose purpose, String view) {
    List<FieldSource> fields = new ArrayList<>();
    fields.add(
        FieldSource.clear(
            TYPE_FIELD, record.existenceCategory, record.authorAgencyId, record.type.name()));
    fields.add(
        FieldSource.clear(
            "authorAgencyId",
            record.existenceCategory,
            record.authorAgencyId,
            record.authorAgencyId.toString()));
    fields.add(
        FieldSource.clear(
            "createdAt",
            record.existenceCategory,
            record.authorAgencyId,
            record.createdAt.toString()));
    for (RecordField field : RecordField.ofRecord(record.id)) {
      fields.add(
          FieldSource.sealed(
              field.name, field.category, record.authorAgencyId, place(field), field.valueSealed));
    }
    return new DisclosureRequest(purpose, file.subjectId, file.id, view, record.id, fields);
  }

  static FieldPlace place(RecordField field) {
    return new FieldPlace(RecordField.TABLE, "value_sealed", field.placeId());
  }

  private record FieldInput(DataCategory category, String value) {}

  private static Map<String, FieldInput> fieldsOf(RecordRequests request) {
    Map<String, FieldInput> fields = new LinkedHashMap<>();
    if (request.type().freeForm()) {
      if (request.values() != null && !request.values().isEmpty()) {
        throw ApiProblem.invalid("values", "FREE_FORM records name their fields in 'fields'");
      }
      if (request.fields() == null || request.fields().isEmpty()) {
        throw ApiProblem.invalid("fields", "a FREE_FORM record needs at least one field");
      }
      for (RecordRequests.FreeField f : request.fields()) {
        if (Set.of(TYPE_FIELD, "authorAgencyId", "createdAt").contains(f.name())
            || fields.put(f.name(), new FieldInput(f.category(), f.value())) != null) {
          throw ApiProblem.invalid("fields", "field names must be unique and not reserved");
        }
      }
      return fields;
    }
    if (request.fields() != null && !request.fields().isEmpty()) {
      throw ApiProblem.invalid("fields", "only FREE_FORM records name their own fields");
    }
    Map<String, String> values = request.values() == null ? Map.of() : request.values();
    for (String name : values.keySet()) {
      if (request.type().fields().stream().noneMatch(spec -> spec.name().equals(name))) {
        throw ApiProblem.invalid("values." + name, "not a field of " + request.type());
      }
    }
    if (values.isEmpty()) {
      throw ApiProblem.invalid("values", "a record needs at least one value");
    }
    for (RecordType.FieldSpec spec : request.type().fields()) {
      if (values.containsKey(spec.name())) {
        fields.put(spec.name(), new FieldInput(spec.category(), values.get(spec.name())));
      }
    }
    return fields;
  }

  private static DataCategory existenceCategory(
      RecordType type, java.util.Collection<FieldInput> fields) {
    if (!type.freeForm()) {
      return type.existenceCategory();
    }
    Set<DataCategory> sensitive =
        fields.stream()
            .map(FieldInput::category)
            .filter(SENSITIVE_EXISTENCE::contains)
            .collect(Collectors.toSet());
    if (sensitive.size() > 1) {
      throw new ApiProblem(
          ErrorCode.RULE_VIOLATION,
          "A free-form record may hold at most one of "
              + SENSITIVE_EXISTENCE
              + ": add a separate record for each");
    }
    return sensitive.isEmpty() ? DataCategory.COORDINATION : sensitive.iterator().next();
  }
}
