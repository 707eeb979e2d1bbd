package org.casereview.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casereview.careplan.CaseNeed;
import org.casereview.careplan.SafetyPlan;
import org.casereview.careplan.ServiceReferral;
import org.casereview.careplan.ServiceReferralEvent;
import org.casereview.casefile.CaseFile;
import org.casereview.casefile.CaseRecord;
import org.casereview.casefile.CaseService;
import org.casereview.consent.Consent;
import org.casereview.crypto.FieldPlace;
import org.casereview.disclosure.DisclosedField;
import org.casereview.disclosure.Disclosure;
import org.casereview.disclosure.DisclosureRequest;
import org.casereview.disclosure.DisclosureService;
import org.casereview.disclosure.FieldSource;
import org.casereview.policy.DataCategory;
import org.casereview.policy.Purpose;
import org.casereview.referral.Referral;
import org.casereview.subject.Subject;

/**
 * A case's history in time order: referrals, the opening, reviews at meetings, decisions and
 * recommendations, action items, needs, service referral steps, safety plans and consent changes.
 * The timeline is one disclosure (one audit entry) for its own events, plus one existence-gated
 * disclosure per case record: every event's fields are labelled and decided for the viewer, so a
 * decision in a category the viewer may not see shows as withheld, and a record the viewer may not
 * know of is left out.
 */
@ApplicationScoped
public class TimelineService {

  @Inject CaseService cases;
  @Inject DisclosureService disclosures;

  /** One event: its time ("at"), type and details, each as the viewer may see it. */
  public record Event(Map<String, DisclosedField> fields) {}

  public record Timeline(UUID caseId, List<Event> events) {}

  private record Timed(Instant at, Event event) {}

  /** An event before the decision: its time, type and labelled fields. */
  private record Draft(Instant at, String type, List<FieldSource> fields) {}

  @Transactional
  public Timeline timeline(UUID caseId, Purpose purpose) {
    CaseFile file = cases.visible(caseId, purpose);
    Subject subject = Subject.findById(file.subjectId);
    UUID caseAuthor = subject.sourceAgencyId;
    List<Draft> drafts = new ArrayList<>();

    for (Referral r : Referral.<Referral>list("caseId", file.id)) {
      drafts.add(
          draft(
              r.receivedAt,
              "REFERRAL_RECEIVED",
              r.sourceAgencyId,
              Map.of("sourceAgencyId", r.sourceAgencyId.toString(), "urgency", r.urgency.name())));
    }
    drafts.add(
        draft(file.openedAt, "CASE_OPENED", caseAuthor, Map.of("caseNumber", file.caseNumber)));
    if (file.closedAt != null) {
      drafts.add(
          draft(
              file.closedAt,
              "CASE_CLOSED",
              caseAuthor,
              Map.of("outcome", file.outcome == null ? "" : file.outcome.name())));
    }
    for (AgendaItem item : AgendaItem.<AgendaItem>list("caseId", file.id)) {
      ReviewMeeting meeting = ReviewMeeting.findById(item.meetingId);
      Map<String, String> values = new LinkedHashMap<>();
      values.put("meetingId", meeting.id.toString());
      values.put("meetingStatus", meeting.status.name());
      if (item.nextReviewOn != null) {
        values.put("nextReviewOn", item.nextReviewOn.toString());
      }
      drafts.add(
          draft(
              meeting.startedAt != null ? meeting.startedAt : meeting.scheduledAt,
              "CASE_REVIEW",
              meeting.facilitatorAgencyId,
              values));
    }
    for (MeetingMinute m :
        MeetingMinute.<MeetingMinute>list(
            "caseId = ?1 and kind in ?2",
            file.id,
            List.of(MinuteKind.DECISION, MinuteKind.RECOMMENDATION))) {
      List<FieldSource> fields = new ArrayList<>();
      fields.add(
          FieldSource.clear(
              "meetingId", DataCategory.COORDINATION, m.authorAgencyId, m.meetingId.toString()));
      fields.add(
          FieldSource.sealed(
              "text",
              m.category,
              m.authorAgencyId,
              new FieldPlace(MeetingMinute.TABLE, "text_sealed", m.id),
              m.textSealed));
      drafts.add(new Draft(m.recordedAt, m.kind.name(), fields));
    }
    for (ActionItem a : ActionItem.<ActionItem>list("caseId", file.id)) {
      drafts.add(
          draft(
              a.createdAt,
              "ACTION_ITEM_ASSIGNED",
              a.ownerAgencyId,
              Map.of(
                  "actionItemId", a.id.toString(),
                  "ownerAgencyId", a.ownerAgencyId.toString(),
                  "dueOn", a.dueOn.toString())));
      if (!a.statusChangedAt.equals(a.createdAt)) {
        drafts.add(
            draft(
                a.statusChangedAt,
                "ACTION_ITEM_" + a.status.name(),
                a.ownerAgencyId,
                Map.of("actionItemId", a.id.toString())));
      }
    }
    for (CaseNeed n : CaseNeed.<CaseNeed>list("caseId", file.id)) {
      drafts.add(
          draft(
              n.identifiedAt,
              "NEED_IDENTIFIED",
              n.authorAgencyId,
              Map.of("needId", n.id.toString(), "kind", n.kind.name())));
    }
    for (ServiceReferral r : ServiceReferral.<ServiceReferral>list("caseId", file.id)) {
      for (ServiceReferralEvent e :
          ServiceReferralEvent.<ServiceReferralEvent>list(
              "serviceReferralId = ?1 order by changedAt", r.id)) {
        drafts.add(
            draft(
                e.changedAt,
                "SERVICE_" + e.toStatus.name(),
                r.referringAgencyId,
                Map.of(
                    "serviceReferralId", r.id.toString(),
                    "providerAgencyId", r.providerAgencyId.toString())));
      }
    }
    for (SafetyPlan p : SafetyPlan.<SafetyPlan>list("caseId", file.id)) {
      // Only that a plan was recorded: its details stay in the care plan, under SAFETY_LOCATION.
      drafts.add(
          draft(
              p.createdAt,
              "SAFETY_PLAN_RECORDED",
              p.authorAgencyId,
              Map.of("safetyPlanId", p.id.toString(), "kind", p.kind.name())));
    }
    for (Consent c : Consent.ofSubject(file.subjectId)) {
      drafts.add(
          draft(
              c.recordedAt,
              "CONSENT_GRANTED",
              c.recordedByAgencyId,
              Map.of("consentId", c.id.toString())));
      if (c.revokedAt != null) {
        drafts.add(
            draft(
                c.revokedAt,
                "CONSENT_REVOKED",
                c.recordedByAgencyId,
                Map.of("consentId", c.id.toString())));
      }
    }

    drafts.sort(Comparator.comparing(Draft::at).thenComparing(Draft::type));
    List<FieldSource> all = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      // Time and type are case data too: they pass the policy with the event's other fields.
      UUID author = d.fields().get(0).authorAgencyId();
      all.add(
          FieldSource.clear(
              "events[" + i + "].at", DataCategory.COORDINATION, author, d.at().toString()));
      all.add(
          FieldSource.clear("events[" + i + "].type", DataCategory.COORDINATION, author, d.type()));
      for (FieldSource f : d.fields()) {
        all.add(rename(f, "events[" + i + "]." + f.name()));
      }
    }
    Disclosure shown =
        disclosures.disclose(
            new DisclosureRequest(purpose, file.subjectId, file.id, "case.timeline", file.id, all));
    List<Timed> timed = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      String prefix = "events[" + i + "].";
      Map<String, DisclosedField> fields = new LinkedHashMap<>();
      shown
          .fields()
          .forEach(
              (name, field) -> {
                if (name.startsWith(prefix)) {
                  fields.put(name.substring(prefix.length()), field);
                }
              });
      timed.add(new Timed(drafts.get(i).at(), new Event(fields)));
    }
    // Case records: each its own existence-gated disclosure, as the case file lists them, so a
    // record the viewer may not know of is not on the timeline at all (not even as withheld).
    for (CaseRecord record :
        CaseRecord.<CaseRecord>list("caseId = ?1 order by createdAt", file.id)) {
      UUID author = record.authorAgencyId;
      DataCategory existence = record.existenceCategory;
      Optional<Disclosure> recordShown =
          disclosures.discloseGated(
              new DisclosureRequest(
                  purpose,
                  file.subjectId,
                  file.id,
                  "case.timeline.record",
                  record.id,
                  List.of(
                      FieldSource.clear("type", existence, author, record.type.name()),
                      FieldSource.clear("at", existence, author, record.createdAt.toString()),
                      FieldSource.clear("recordId", existence, author, record.id.toString()),
                      FieldSource.clear("authorAgencyId", existence, author, author.toString()))),
              "type");
      recordShown.ifPresent(d -> timed.add(new Timed(record.createdAt, new Event(d.fields()))));
    }
    timed.sort(Comparator.comparing(Timed::at));
    List<Event> events = timed.stream().map(Timed::event).toList();
    return new Timeline(file.id, events);
  }

  private static Draft draft(Instant at, String type, UUID author, Map<String, String> values) {
    List<FieldSource> fields = new ArrayList<>();
    values.forEach(
        (name, value) ->
            fields.add(FieldSource.clear(name, DataCategory.COORDINATION, author, value)));
    return new Draft(at, type, fields);
  }

  private static FieldSource rename(FieldSource f, String name) {
    return new FieldSource(
        name, f.category(), f.authorAgencyId(), f.place(), f.ciphertext(), f.clearValue());
  }
}
