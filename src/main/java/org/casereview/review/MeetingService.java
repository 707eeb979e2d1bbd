package org.casereview.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casereview.agency.Agency;
import org.casereview.agency.Member;
import org.casereview.agency.MemberStatus;
import org.casereview.api.ApiProblem;
import org.casereview.api.Cursor;
import org.casereview.api.ErrorCode;
import org.casereview.api.Problem;
import org.casereview.audit.AuditEventType;
import org.casereview.casefile.CaseFile;
import org.casereview.casefile.CaseParticipant;
import org.casereview.casefile.CaseRecordService;
import org.casereview.casefile.CaseService;
import org.casereview.casefile.CaseStatus;
import org.casereview.casefile.RecordView;
import org.casereview.crypto.FieldCodec;
import org.casereview.crypto.FieldPlace;
import org.casereview.disclosure.AuditTrail;
import org.casereview.disclosure.Disclosure;
import org.casereview.disclosure.DisclosureRequest;
import org.casereview.disclosure.DisclosureService;
import org.casereview.identity.Caller;
import org.casereview.identity.CurrentCaller;
import org.casereview.policy.FieldDecision;
import org.casereview.policy.Purpose;
import org.casereview.policy.Requester;

/**
 * Review meetings: scheduling, the agenda, circulation, attendance and acknowledgement, the start
 * with its flags, each attendee's view and the coordinator's preview of who cannot see what.
 */
@ApplicationScoped
public class MeetingService {

  /** Gate codes of the attendee view (shown instead of case content). */
  public static final String GATE_NOT_ATTENDING = "CHECK_IN_REQUIRED";

  public static final String GATE_NOT_ACKNOWLEDGED = "ACKNOWLEDGEMENT_REQUIRED";
  public static final String GATE_NOT_IN_PROGRESS = "MEETING_NOT_IN_PROGRESS";

  @Inject CurrentCaller callers;
  @Inject DisclosureService disclosures;
  @Inject AuditTrail auditTrail;
  @Inject AgendaCaseFields agendaFields;
  @Inject CaseService caseService;
  @Inject CaseRecordService records;
  @Inject FieldCodec codec;
  @Inject Clock clock;

  @Transactional
  public MeetingViews.Meeting schedule(MeetingRequests.Schedule request) {
    Caller caller = callers.get();
    Instant now = Instant.now(clock);
    UUID facilitatorId =
        request.facilitatorMemberId() == null ? caller.memberId() : request.facilitatorMemberId();
    Member facilitator = Member.findById(facilitatorId);
    if (facilitator == null || facilitator.status != MemberStatus.ACTIVE) {
      throw ApiProblem.invalid("facilitatorMemberId", "not an active member");
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    for (UUID agencyId : request.invitedAgencyIds()) {
      if (Agency.findById(agencyId) == null) {
        errors.add(new Problem.FieldError("invitedAgencyIds", "unknown agency " + agencyId));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiProblem(ErrorCode.VALIDATION_FAILED, "The request is not valid", errors);
    }
    Set<UUID> invited = new LinkedHashSet<>(request.invitedAgencyIds());
    invited.add(facilitator.agencyId);
    ReviewMeeting meeting = new ReviewMeeting();
    meeting.id = UUID.randomUUID();
    meeting.scheduledAt = request.scheduledAt();
    meeting.facilitatorMemberId = facilitator.id;
    meeting.facilitatorAgencyId = facilitator.agencyId;
    meeting.quorumAgencies =
        request.quorumAgencies() == null
            ? (invited.size() + 1) / 2
            : Math.min(request.quorumAgencies(), invited.size());
    meeting.status = MeetingStatus.SCHEDULED;
    meeting.createdAt = now;
    meeting.createdBy = caller.memberId();
    meeting.persist();
    for (UUID agencyId : invited) {
      MeetingInvitation invitation = new MeetingInvitation();
      invitation.key = new MeetingInvitation.Key(meeting.id, agencyId);
      invitation.persist();
    }
    auditTrail.change(
        AuditEventType.MEETING_SCHEDULED,
        null,
        null,
        meeting.id,
        Map.of("invitedAgencies", String.valueOf(invited.size())));
    return summary(meeting);
  }

  /** The meeting's coordination facts: the coordinator, or a member of an invited agency. */
  @Transactional
  public MeetingViews.Meeting read(UUID meetingId) {
    return summary(visible(meetingId));
  }

  /**
   * Meetings the caller's agency is invited to (a coordinator sees all), latest first: when, status
   * and who is invited; what is discussed is read through the meeting's own views.
   */
  @Transactional
  public List<MeetingViews.Meeting> list(int limit) {
    Caller caller = callers.get();
    List<ReviewMeeting> meetings =
        caller.isCoordinator()
            ? ReviewMeeting.<ReviewMeeting>find("order by scheduledAt desc")
                .range(0, limit - 1)
                .list()
            : ReviewMeeting.<ReviewMeeting>find(
                    "id in (select i.key.meetingId from MeetingInvitation i where i.key.agencyId = ?1)"
                        + " order by scheduledAt desc",
                    caller.agencyId())
                .range(0, limit - 1)
                .list();
    return meetings.stream().map(MeetingService::summary).toList();
  }

  /**
   * Adds cases to the agenda. A case qualifies only if every invited agency (other than the
   * facilitator's, and those without an active MOU) takes part in it: a case is not put before
   * agencies that are not on it.
   */
  @Transactional
  public MeetingViews.Meeting addToAgenda(UUID meetingId, MeetingRequests.Agenda request) {
    ReviewMeeting meeting = existing(meetingId);
    if (meeting.status != MeetingStatus.SCHEDULED && meeting.status != MeetingStatus.CIRCULATED) {
      throw new ApiProblem(
          ErrorCode.ILLEGAL_TRANSITION, "The agenda is fixed once the meeting has started");
    }
    // An invited agency without an active MOU is not required to be on the case: the policy shows
    // it nothing anyway, and the meeting's start is flagged for it.
    LocalDate today = LocalDate.now(clock);
    Set<UUID> mustTakePart = new TreeSet<>();
    for (UUID agencyId : MeetingInvitation.agenciesOf(meeting.id)) {
      if (!agencyId.equals(meeting.facilitatorAgencyId)
          && CurrentCaller.mouOf(agencyId, today).active()) {
        mustTakePart.add(agencyId);
      }
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    List<CaseFile> accepted = new ArrayList<>();
    for (UUID caseId : new LinkedHashSet<>(request.caseIds())) {
      CaseFile file = CaseFile.findById(caseId);
      if (file == null) {
        errors.add(new Problem.FieldError("caseIds", "no such case " + caseId));
        continue;
      }
      if (file.status != CaseStatus.OPEN) {
        errors.add(new Problem.FieldError("caseIds", "case " + caseId + " is not open"));
        continue;
      }
      Set<UUID> onCase = new TreeSet<>(CaseParticipant.agenciesOf(caseId));
      if (file.leadAgencyId != null) {
        onCase.add(file.leadAgencyId);
      }
      Set<UUID> missing = new TreeSet<>(mustTakePart);
      missing.removeAll(onCase);
      if (!missing.isEmpty()) {
        errors.add(
            new Problem.FieldError(
                "caseIds",
                "case "
                    + caseId
                    + " does not include invited agencies "
                    + missing.stream().map(UUID::toString).collect(Collectors.joining(","))));
        continue;
      }
      accepted.add(file);
    }
    if (!errors.isEmpty()) {
      throw new ApiProblem(
          ErrorCode.RULE_VIOLATION,
          "Only cases in which every invited agency takes part can be on the agenda",
          errors);
    }
    List<AgendaItem> agenda = AgendaItem.ofMeeting(meeting.id);
    int position = agenda.stream().mapToInt(i -> i.position).max().orElse(0);
    Set<UUID> already = agenda.stream().map(i -> i.caseId).collect(Collectors.toSet());
    Instant now = Instant.now(clock);
    for (CaseFile file : accepted) {
      if (already.contains(file.id)) {
        continue;
      }
      AgendaItem item = new AgendaItem();
      item.id = UUID.randomUUID();
      item.meetingId = meeting.id;
      item.caseId = file.id;
      item.position = ++position;
      item.addedAt = now;
      item.persist();
      auditTrail.change(
          AuditEventType.MEETING_AGENDA_CHANGED,
          file.subjectId,
          file.id,
          meeting.id,
          Map.of("change", "ADDED", "position", String.valueOf(item.position)));
    }
    return summary(meeting);
  }

  @Transactional
  public MeetingViews.Meeting circulate(UUID meetingId) {
    ReviewMeeting meeting = existing(meetingId);
    if (meeting.status != MeetingStatus.SCHEDULED) {
      throw new ApiProblem(ErrorCode.ILLEGAL_TRANSITION, "The meeting is " + meeting.status);
    }
    if (AgendaItem.count("meetingId", meeting.id) == 0) {
      throw new ApiProblem(ErrorCode.RULE_VIOLATION, "An empty agenda cannot be circulated");
    }
    meeting.status = MeetingStatus.CIRCULATED;
    meeting.circulatedAt = Instant.now(clock);
    auditTrail.change(AuditEventType.MEETING_CIRCULATED, null, null, meeting.id, Map.of());
    return summary(meeting);
  }

  /**
   * The circulated agenda: case number and status of each case, disclosed to the caller (one audit
   * entry per case). Before circulation only the coordinator sees it.
   */
  @Transactional
  public List<MeetingViews.AgendaCase> agenda(UUID meetingId, Purpose purpose) {
    Caller caller = callers.get();
    ReviewMeeting meeting = visible(meetingId);
    if (!caller.isCoordinator() && meeting.status == MeetingStatus.SCHEDULED) {
      return List.of();
    }
    List<AgendaItem> items = AgendaItem.ofMeeting(meeting.id);
    List<DisclosureRequest> requests =
        items.stream().map(i -> agendaFields.agendaRequest(i, purpose)).toList();
    List<Disclosure> shown = disclosures.discloseEach(requests);
    List<MeetingViews.AgendaCase> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      AgendaItem item = items.get(i);
      // The case id is shown only alongside a disclosed case number: an attendee whose agency
      // cannot see the case learns no more than that an agenda item exists.
      boolean seen = shown.get(i).field("case.caseNumber").disclosed();
      out.add(
          new MeetingViews.AgendaCase(
              seen ? item.caseId : null, item.position, shown.get(i).fields(), List.of()));
    }
    return out;
  }

  /** The caller checks in; only members of invited agencies may attend. */
  @Transactional
  public MeetingViews.AttendeeView checkIn(UUID meetingId) {
    Caller caller = callers.get();
    ReviewMeeting meeting = visible(meetingId);
    if (meeting.status != MeetingStatus.CIRCULATED && meeting.status != MeetingStatus.IN_PROGRESS) {
      throw new ApiProblem(
          ErrorCode.ILLEGAL_TRANSITION, "Attendance is taken once the agenda is circulated");
    }
    Attendee attendee = Attendee.find(meeting.id, caller.memberId());
    if (attendee == null) {
      attendee = new Attendee();
      attendee.key = new Attendee.Key(meeting.id, caller.memberId());
      attendee.agencyId = caller.agencyId();
      attendee.checkedInAt = Instant.now(clock);
      attendee.persist();
      auditTrail.change(AuditEventType.MEETING_ATTENDED, null, null, meeting.id, Map.of());
    }
    return view(attendee);
  }

  /** The attendee accepts the confidentiality commitment; from now on the meeting shows content. */
  @Transactional
  public MeetingViews.AttendeeView acknowledge(
      UUID meetingId, MeetingRequests.Acknowledge request) {
    Caller caller = callers.get();
    ReviewMeeting meeting = visible(meetingId);
    Attendee attendee = Attendee.find(meeting.id, caller.memberId());
    if (attendee == null) {
      throw new ApiProblem(ErrorCode.RULE_VIOLATION, "Check in to the meeting first");
    }
    if (!ConfidentialityStatement.VERSION.equals(request.statementVersion())) {
      throw ApiProblem.invalid(
          "statementVersion", "must be the current statement " + ConfidentialityStatement.VERSION);
    }
    if (!attendee.acknowledged()) {
      attendee.acknowledgedAt = Instant.now(clock);
      attendee.statementVersion = request.statementVersion();
      auditTrail.change(
          AuditEventType.MEETING_ACKNOWLEDGED,
          null,
          null,
          meeting.id,
          Map.of("statementVersion", request.statementVersion()));
    }
    return view(attendee);
  }

  /**
   * Starts the meeting. It is not refused for lack of quorum or an agency without an active MOU: it
   * is flagged, so the record shows it, and the policy still withholds from that agency.
   */
  @Transactional
  public MeetingViews.Meeting start(UUID meetingId) {
    ReviewMeeting meeting = existing(meetingId);
    if (meeting.status != MeetingStatus.CIRCULATED) {
      throw new ApiProblem(
          ErrorCode.ILLEGAL_TRANSITION,
          meeting.status == MeetingStatus.SCHEDULED
              ? "Circulate the agenda before the meeting starts"
              : "The meeting is " + meeting.status);
    }
    Instant now = Instant.now(clock);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Set<UUID> attending =
        Attendee.ofMeeting(meeting.id).stream().map(a -> a.agencyId).collect(Collectors.toSet());
    Set<UUID> concerned = new LinkedHashSet<>(MeetingInvitation.agenciesOf(meeting.id));
    concerned.addAll(attending);
    Set<StartFlag> flags = EnumSet.noneOf(StartFlag.class);
    if (attending.size() < meeting.quorumAgencies) {
      flags.add(StartFlag.NO_QUORUM);
    }
    for (UUID agencyId : concerned) {
      if (!CurrentCaller.mouOf(agencyId, today).active()) {
        flags.add(StartFlag.AGENCY_WITHOUT_ACTIVE_MOU);
      }
    }
    meeting.status = MeetingStatus.IN_PROGRESS;
    meeting.startedAt = now;
    meeting.flags(flags);
    auditTrail.change(
        AuditEventType.MEETING_STARTED,
        null,
        null,
        meeting.id,
        Map.of(
            "flags",
            meeting.startFlags,
            "attendingAgencies",
            String.valueOf(attending.size()),
            "quorum",
            String.valueOf(meeting.quorumAgencies)));
    return summary(meeting);
  }

  @Transactional
  public MeetingViews.Meeting close(UUID meetingId) {
    ReviewMeeting meeting = existing(meetingId);
    if (meeting.status != MeetingStatus.IN_PROGRESS) {
      throw new ApiProblem(ErrorCode.ILLEGAL_TRANSITION, "The meeting is " + meeting.status);
    }
    meeting.status = MeetingStatus.CLOSED;
    meeting.closedAt = Instant.now(clock);
    auditTrail.change(AuditEventType.MEETING_CLOSED, null, null, meeting.id, Map.of());
    return summary(meeting);
  }

  @Transactional
  public MeetingViews.Attendance attendance(UUID meetingId) {
    ReviewMeeting meeting = existing(meetingId);
    return new MeetingViews.Attendance(
        meeting.id, Attendee.ofMeeting(meeting.id).stream().map(MeetingService::view).toList());
  }

  /**
   * The meeting as the caller sees it, for purpose CASE_REVIEW: each agenda case disclosed through
   * the policy (one audit entry per case). An attendee who has not acknowledged the confidentiality
   * commitment, or a meeting not in progress, shows no case content; each agenda case is then
   * logged as a refusal.
   */
  @Transactional
  public MeetingViews.View view(UUID meetingId, Purpose purpose) {
    if (purpose != Purpose.CASE_REVIEW) {
      throw ApiProblem.invalid("X-Purpose-Of-Use", "the meeting view is for CASE_REVIEW");
    }
    Caller caller = callers.get();
    ReviewMeeting meeting = visible(meetingId);
    Attendee attendee = Attendee.find(meeting.id, caller.memberId());
    List<AgendaItem> items = AgendaItem.ofMeeting(meeting.id);
    String gate =
        attendee == null
            ? GATE_NOT_ATTENDING
            : !attendee.acknowledged()
                ? GATE_NOT_ACKNOWLEDGED
                : meeting.status != MeetingStatus.IN_PROGRESS ? GATE_NOT_IN_PROGRESS : null;
    if (gate != null) {
      for (AgendaItem item : items) {
        CaseFile file = CaseFile.findById(item.caseId);
        auditTrail.refuse(purpose, file.subjectId, file.id, item.id, gate, null);
      }
      return new MeetingViews.View(
          meeting.id, meeting.status, attendee != null && attendee.acknowledged(), gate, List.of());
    }
    List<DisclosureRequest> requests =
        items.stream().map(i -> agendaFields.request(meeting, i, purpose, "meeting.view")).toList();
    List<Disclosure> shown = disclosures.discloseEach(requests);
    List<MeetingViews.AgendaCase> agendaCases = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      AgendaItem item = items.get(i);
      boolean seen = shown.get(i).field("case.caseNumber").disclosed();
      // Records only where the case file itself would show them: to an agency on the case, or
      // the coordinator. Each record is its own disclosure (and audit entry), existence-gated.
      List<RecordView> caseRecords =
          caller.isCoordinator() || CaseParticipant.takesPart(item.caseId, caller.agencyId())
              ? records.list(item.caseId, purpose, null, Cursor.MAX_LIMIT).items()
              : List.of();
      agendaCases.add(
          new MeetingViews.AgendaCase(
              seen ? item.caseId : null, item.position, shown.get(i).fields(), caseRecords));
    }
    return new MeetingViews.View(meeting.id, meeting.status, true, null, agendaCases);
  }

  /**
   * The coordinator's preview: for each agenda case and each attendee, which fields the policy
   * withholds from them and why, decided but never decrypted. Names and reasons only, no values.
   */
  @Transactional
  public MeetingViews.Visibility visibility(UUID meetingId) {
    ReviewMeeting meeting = existing(meetingId);
    List<Attendee> attendees = Attendee.ofMeeting(meeting.id);
    List<MeetingViews.CaseVisibility> cases = new ArrayList<>();
    for (AgendaItem item : AgendaItem.ofMeeting(meeting.id)) {
      DisclosureRequest request =
          agendaFields.request(meeting, item, Purpose.CASE_REVIEW, "meeting.visibility");
      Set<String> visibleToAll =
          new LinkedHashSet<>(request.fields().stream().map(f -> f.name()).toList());
      // The case records, as the case file previews them for each attending agency.
      Map<UUID, List<CaseService.PreviewField>> recordPreviews = new java.util.HashMap<>();
      for (Attendee attendee : attendees) {
        recordPreviews.computeIfAbsent(
            attendee.agencyId,
            agencyId ->
                caseService.preview(item.caseId, agencyId, Purpose.CASE_REVIEW, records).stream()
                    .filter(f -> f.field().startsWith("records."))
                    .toList());
      }
      recordPreviews.values().forEach(l -> l.forEach(f -> visibleToAll.add(f.field())));
      List<MeetingViews.AttendeeVisibility> rows = new ArrayList<>();
      for (Attendee attendee : attendees) {
        Member member = Member.findById(attendee.key.memberId);
        Requester requester = disclosures.requesterOf(member);
        List<MeetingViews.Withheld> withheld = new ArrayList<>();
        for (FieldDecision d : disclosures.preview(requester, request)) {
          if (!d.permitted()) {
            withheld.add(
                new MeetingViews.Withheld(
                    d.field(), d.category(), d.ruleId(), d.reason(), d.remedy()));
            visibleToAll.remove(d.field());
          }
        }
        for (CaseService.PreviewField f : recordPreviews.get(attendee.agencyId)) {
          if (!"PERMIT".equals(f.outcome())) {
            withheld.add(
                new MeetingViews.Withheld(
                    f.field(), f.category(), f.rule(), f.reason(), f.remedy()));
            visibleToAll.remove(f.field());
          }
        }
        if (!attendee.acknowledged()) {
          visibleToAll.clear();
        }
        rows.add(
            new MeetingViews.AttendeeVisibility(
                member.id, attendee.agencyId, attendee.acknowledged(), withheld));
      }
      CaseFile file = CaseFile.findById(item.caseId);
      auditTrail.change(
          AuditEventType.VISIBILITY_PREVIEWED,
          file.subjectId,
          file.id,
          item.id,
          Map.of("attendees", String.valueOf(attendees.size())));
      cases.add(
          new MeetingViews.CaseVisibility(
              item.caseId, item.position, List.copyOf(visibleToAll), rows));
    }
    return new MeetingViews.Visibility(meeting.id, cases);
  }

  /** A discussion note, decision or recommendation about an agenda case, by an attendee. */
  @Transactional
  public MeetingViews.Created recordMinute(
      UUID meetingId, UUID caseId, MeetingRequests.Minute request) {
    Caller caller = callers.get();
    ReviewMeeting meeting = visible(meetingId);
    requireAcknowledgedAttendee(meeting, caller);
    if (meeting.status != MeetingStatus.IN_PROGRESS) {
      throw new ApiProblem(ErrorCode.ILLEGAL_TRANSITION, "The meeting is " + meeting.status);
    }
    AgendaItem item = onAgenda(meeting, caseId);
    CaseFile file = CaseFile.findById(item.caseId);
    MeetingMinute minute = new MeetingMinute();
    minute.id = UUID.randomUUID();
    minute.meetingId = meeting.id;
    minute.caseId = file.id;
    minute.subjectId = file.subjectId;
    minute.kind = request.kind();
    minute.category = request.category();
    minute.authorAgencyId = caller.agencyId();
    minute.authorMemberId = caller.memberId();
    minute.recordedAt = Instant.now(clock);
    minute.textSealed =
        codec.seal(
            file.subjectId,
            new FieldPlace(MeetingMinute.TABLE, "text_sealed", minute.id),
            request.text());
    minute.persist();
    auditTrail.change(
        AuditEventType.MINUTE_RECORDED,
        file.subjectId,
        file.id,
        minute.id,
        Map.of("kind", minute.kind.name(), "category", minute.category.name()));
    return new MeetingViews.Created(minute.id);
  }

  @Transactional
  public void setNextReview(UUID meetingId, UUID caseId, MeetingRequests.NextReview request) {
    ReviewMeeting meeting = existing(meetingId);
    if (meeting.status == MeetingStatus.CLOSED) {
      throw new ApiProblem(ErrorCode.ILLEGAL_TRANSITION, "The meeting is CLOSED");
    }
    AgendaItem item = onAgenda(meeting, caseId);
    item.nextReviewOn = request.nextReviewOn();
    CaseFile file = CaseFile.findById(item.caseId);
    auditTrail.change(
        AuditEventType.NEXT_REVIEW_SET,
        file.subjectId,
        file.id,
        item.id,
        Map.of("nextReviewOn", request.nextReviewOn().toString()));
  }

  void requireAcknowledgedAttendee(ReviewMeeting meeting, Caller caller) {
    Attendee attendee = Attendee.find(meeting.id, caller.memberId());
    if (attendee == null || !attendee.acknowledged()) {
      throw new ApiProblem(
          ErrorCode.RULE_VIOLATION,
          "Only an attendee who acknowledged the confidentiality commitment can do this");
    }
  }

  AgendaItem onAgenda(ReviewMeeting meeting, UUID caseId) {
    AgendaItem item = AgendaItem.find(meeting.id, caseId);
    if (item == null) {
      throw ApiProblem.notFound("Agenda case");
    }
    return item;
  }

  /** The meeting if the caller coordinates or their agency is invited; else 404. */
  ReviewMeeting visible(UUID meetingId) {
    Caller caller = callers.get();
    ReviewMeeting meeting = existing(meetingId);
    if (!caller.isCoordinator() && !MeetingInvitation.invited(meeting.id, caller.agencyId())) {
      throw auditTrail.refuseAsNotFound(null, null, null, meeting.id, "Meeting");
    }
    return meeting;
  }

  static ReviewMeeting existing(UUID meetingId) {
    ReviewMeeting meeting = ReviewMeeting.findById(meetingId);
    if (meeting == null) {
      throw ApiProblem.notFound("Meeting");
    }
    return meeting;
  }

  private static MeetingViews.Meeting summary(ReviewMeeting m) {
    return new MeetingViews.Meeting(
        m.id,
        m.scheduledAt,
        m.facilitatorMemberId,
        m.status,
        m.quorumAgencies,
        new TreeSet<>(MeetingInvitation.agenciesOf(m.id)),
        m.circulatedAt,
        m.startedAt,
        m.flags(),
        m.closedAt);
  }

  private static MeetingViews.AttendeeView view(Attendee a) {
    return new MeetingViews.AttendeeView(
        a.key.memberId, a.agencyId, a.checkedInAt, a.acknowledgedAt);
  }
}
