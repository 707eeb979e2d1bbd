package org.casereview.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casereview.careplan.CarePlanFields;
import org.casereview.casefile.CaseFile;
import org.casereview.casefile.CaseParticipant;
import org.casereview.crypto.FieldPlace;
import org.casereview.disclosure.DisclosureRequest;
import org.casereview.disclosure.FieldSource;
import org.casereview.policy.DataCategory;
import org.casereview.policy.Purpose;
import org.casereview.subject.Subject;
import org.casereview.subject.SubjectService;

/**
 * The labelled fields of one agenda case as a meeting shows it: the case's coordination facts, the
 * youth's name and date of birth, this meeting's minutes and action items for the case, and the
 * case's safety plans. The same list feeds the attendee's disclosure and the coordinator's preview,
 * so the preview is exactly what each attendee would be shown.
 */
@ApplicationScoped
public class AgendaCaseFields {

  @Inject SubjectService subjects;
  @Inject CarePlanFields carePlans;
  @Inject Clock clock;

  public DisclosureRequest request(
      ReviewMeeting meeting, AgendaItem item, Purpose purpose, String view) {
    CaseFile file = CaseFile.findById(item.caseId);
    Subject subject = Subject.findById(file.subjectId);
    List<FieldSource> fields = new ArrayList<>(caseFields(file));
    fields.addAll(subjects.nameAndBirthDate(subject));
    fields.add(
        clear(
            file,
            "review.nextReviewOn",
            item.nextReviewOn == null ? null : item.nextReviewOn.toString()));
    List<MeetingMinute> minutes =
        MeetingMinute.list(
            "meetingId = ?1 and caseId = ?2 order by recordedAt, id", meeting.id, file.id);
    for (int i = 0; i < minutes.size(); i++) {
      MeetingMinute m = minutes.get(i);
      String prefix = "minutes[" + i + "].";
      fields.add(
          FieldSource.clear(
              prefix + "kind", DataCategory.COORDINATION, m.authorAgencyId, m.kind.name()));
      fields.add(
          FieldSource.sealed(
              prefix + "text",
              m.category,
              m.authorAgencyId,
              new FieldPlace(MeetingMinute.TABLE, "text_sealed", m.id),
              m.textSealed));
    }
    List<ActionItem> items =
        ActionItem.list(
            "caseId = ?1 and (meetingId = ?2 or reportBackMeetingId = ?2) order by createdAt, id",
            file.id,
            meeting.id);
    for (int i = 0; i < items.size(); i++) {
      fields.addAll(
          ActionItemFields.of(items.get(i), "actionItems[" + i + "].", LocalDate.now(clock)));
    }
    fields.addAll(carePlans.safetyPlanFields(file));
    return new DisclosureRequest(purpose, file.subjectId, file.id, view, item.id, fields);
  }

  /** Only what a circulated agenda needs: the case number and status (minimum necessary). */
  public DisclosureRequest agendaRequest(AgendaItem item, Purpose purpose) {
    CaseFile file = CaseFile.findById(item.caseId);
    return new DisclosureRequest(
        purpose,
        file.subjectId,
        file.id,
        "meeting.agenda",
        item.id,
        caseFields(file).subList(0, 2));
  }

  static List<FieldSource> caseFields(CaseFile file) {
    return List.of(
        clear(file, "case.caseNumber", file.caseNumber),
        clear(file, "case.status", file.status.name()),
        clear(
            file,
            "case.leadAgencyId",
            file.leadAgencyId == null ? null : file.leadAgencyId.toString()),
        clear(
            file,
            "case.participatingAgencyIds",
            CaseParticipant.agenciesOf(file.id).stream()
                .map(UUID::toString)
                .sorted()
                .collect(Collectors.joining(","))));
  }

  /** Labelled like the case file's own coordination fields: with the agency that referred. */
  private static FieldSource clear(CaseFile file, String name, String value) {
    Subject subject = Subject.findById(file.subjectId);
    return FieldSource.clear(name, DataCategory.COORDINATION, subject.sourceAgencyId, value);
  }
}
