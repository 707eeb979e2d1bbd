package org.casereview.review;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casereview.agency.Member;
import org.casereview.agency.MemberStatus;
import org.casereview.api.ApiProblem;
import org.casereview.api.Cursor;
import org.casereview.api.ErrorCode;
import org.casereview.api.Page;
import org.casereview.audit.AuditEventType;
import org.casereview.casefile.CaseFile;
import org.casereview.casefile.CaseParticipant;
import org.casereview.crypto.FieldCodec;
import org.casereview.crypto.FieldPlace;
import org.casereview.disclosure.AuditTrail;
import org.casereview.disclosure.Disclosure;
import org.casereview.disclosure.DisclosureRequest;
import org.casereview.disclosure.DisclosureService;
import org.casereview.identity.Caller;
import org.casereview.identity.CurrentCaller;
import org.casereview.policy.Purpose;

/**
 * Action items: assigned at a meeting, owned by an agency on the case, done or dropped with a
 * reason. A member lists their agency's open items; the coordinator sees every overdue one.
 */
@ApplicationScoped
public class ActionItemService {

  @Inject CurrentCaller callers;
  @Inject DisclosureService disclosures;
  @Inject AuditTrail auditTrail;
  @Inject FieldCodec codec;
  @Inject Clock clock;

  /** Which items a list shows. */
  public enum Scope {
    /** Open (incl. overdue) items of the caller's agency. */
    MY_AGENCY_OPEN,
    /** Every overdue item (coordinator). */
    OVERDUE
  }

  @Transactional
  public MeetingViews.Created create(
      UUID meetingId, UUID caseId, MeetingRequests.NewActionItem request) {
    Caller caller = callers.get();
    ReviewMeeting meeting = MeetingService.existing(meetingId);
    AgendaItem item = AgendaItem.find(meeting.id, caseId);
    if (item == null) {
      throw ApiProblem.notFound("Agenda case");
    }
    CaseFile file = CaseFile.findById(caseId);
    boolean onCase =
        CaseParticipant.takesPart(caseId, request.ownerAgencyId())
            || request.ownerAgencyId().equals(file.leadAgencyId);
    if (!onCase) {
      throw ApiProblem.invalid("ownerAgencyId", "the owner agency must take part in the case");
    }
    if (request.ownerMemberId() != null) {
      Member owner = Member.findById(request.ownerMemberId());
      if (owner == null
          || owner.status != MemberStatus.ACTIVE
          || !owner.agencyId.equals(request.ownerAgencyId())) {
        throw ApiProblem.invalid("ownerMemberId", "not an active member of the owner agency");
      }
    }
    if (request.reportBackMeetingId() != null
        && ReviewMeeting.findById(request.reportBackMeetingId()) == null) {
      throw ApiProblem.invalid("reportBackMeetingId", "no such meeting");
    }
    Instant now = Instant.now(clock);
    ActionItem a = new ActionItem();
    a.id = UUID.randomUUID();
    a.caseId = file.id;
    a.subjectId = file.subjectId;
    a.meetingId = meeting.id;
    a.reportBackMeetingId = request.reportBackMeetingId();
    a.ownerAgencyId = request.ownerAgencyId();
    a.ownerMemberId = request.ownerMemberId();
    a.dueOn = request.dueOn();
    a.status = ActionItemStatus.OPEN;
    a.createdAt = now;
    a.createdBy = caller.memberId();
    a.statusChangedAt = now;
    a.statusChangedBy = caller.memberId();
    a.descriptionSealed = seal(a, "description_sealed", request.description());
    a.persist();
    auditTrail.change(
        AuditEventType.ACTION_ITEM_CREATED,
        file.subjectId,
        file.id,
        a.id,
        Map.of("ownerAgencyId", a.ownerAgencyId.toString(), "dueOn", a.dueOn.toString()));
    return new MeetingViews.Created(a.id);
  }

  /** A page of action items, each disclosed through the policy (one audit entry each). */
  @Transactional
  public Page<MeetingViews.ActionItemView> list(
      Scope scope, Cursor after, int limit, Purpose purpose) {
    Caller caller = callers.get();
    LocalDate today = LocalDate.now(clock);
    StringBuilder where = new StringBuilder("status = :open");
    Parameters params = Parameters.with("open", ActionItemStatus.OPEN);
    if (scope == Scope.OVERDUE) {
      if (!caller.isCoordinator()) {
        throw ApiProblem.forbidden("Only the coordinator lists every overdue item");
      }
      where.append(" and dueOn < :today");
      params.and("today", today);
    } else {
      where.append(" and ownerAgencyId = :agency");
      params.and("agency", caller.agencyId());
    }
    if (after != null) {
      where.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
      params.and("at", after.at()).and("id", after.id());
    }
    List<ActionItem> rows =
        ActionItem.<ActionItem>find(where + " order by createdAt, id", params)
            .range(0, limit)
            .list();
    List<DisclosureRequest> requests = new ArrayList<>();
    for (ActionItem a : rows) {
      requests.add(request(a, purpose, "actionItem.list", today));
    }
    List<Disclosure> shown = disclosures.discloseEach(requests);
    List<MeetingViews.ActionItemView> items = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      items.add(new MeetingViews.ActionItemView(rows.get(i).id, shown.get(i).fields()));
    }
    String next =
        rows.size() == limit
            ? new Cursor(rows.get(rows.size() - 1).createdAt, rows.get(rows.size() - 1).id).encode()
            : null;
    return new Page<>(items, next);
  }

  @Transactional
  public MeetingViews.ActionItemView read(UUID id, Purpose purpose) {
    ActionItem a = visible(id, purpose);
    Disclosure shown =
        disclosures.disclose(request(a, purpose, "actionItem.read", LocalDate.now(clock)));
    return new MeetingViews.ActionItemView(a.id, shown.fields());
  }

  @Transactional
  public void done(UUID id) {
    ActionItem a = changeable(id);
    move(a, ActionItemStatus.DONE, Map.of("status", "DONE"));
  }

  @Transactional
  public void drop(UUID id, MeetingRequests.Drop request) {
    ActionItem a = changeable(id);
    move(a, ActionItemStatus.DROPPED, Map.of("status", "DROPPED"));
    a.dropReasonSealed = seal(a, "drop_reason_sealed", request.reason());
  }

  private void move(ActionItem a, ActionItemStatus target, Map<String, String> details) {
    Caller caller = callers.get();
    LocalDate today = LocalDate.now(clock);
    if (!a.statusOn(today).canMoveTo(target)) {
      throw new ApiProblem(ErrorCode.ILLEGAL_TRANSITION, "The action item is " + a.status);
    }
    a.status = target;
    a.statusChangedAt = Instant.now(clock);
    a.statusChangedBy = caller.memberId();
    auditTrail.change(
        AuditEventType.ACTION_ITEM_STATUS_CHANGED, a.subjectId, a.caseId, a.id, details);
  }

  /** The owner agency or the coordinator may close an item; anyone else gets 404. */
  private ActionItem changeable(UUID id) {
    return visible(id, null);
  }

  private ActionItem visible(UUID id, Purpose purpose) {
    Caller caller = callers.get();
    ActionItem a = ActionItem.findById(id);
    if (a == null) {
      throw ApiProblem.notFound("Action item");
    }
    if (!caller.isCoordinator() && !a.ownerAgencyId.equals(caller.agencyId())) {
      throw auditTrail.refuseAsNotFound(purpose, a.subjectId, a.caseId, a.id, "Action item");
    }
    return a;
  }

  private DisclosureRequest request(ActionItem a, Purpose purpose, String view, LocalDate today) {
    List<org.casereview.disclosure.FieldSource> fields = new ArrayList<>();
    fields.add(
        org.casereview.disclosure.FieldSource.clear(
            "caseId",
            org.casereview.policy.DataCategory.COORDINATION,
            a.ownerAgencyId,
            a.caseId.toString()));
    fields.addAll(ActionItemFields.of(a, "", today));
    return new DisclosureRequest(purpose, a.subjectId, a.caseId, view, a.id, fields);
  }

  private byte[] seal(ActionItem a, String column, String value) {
    return codec.seal(a.subjectId, new FieldPlace(ActionItem.TABLE, column, a.id), value);
  }
}
