package org.casereview.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casereview.casefile.RecordView;
import org.casereview.disclosure.DisclosedField;
import org.casereview.policy.DataCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the meeting endpoints answer. */
public final class MeetingViews {

  private MeetingViews() {}

  /** The meeting's own coordination facts: no case content. */
  @Schema(name = "Meeting")
  public record Meeting(
      UUID id,
      Instant scheduledAt,
      UUID facilitatorMemberId,
      MeetingStatus status,
      int quorumAgencies,
      Set<UUID> invitedAgencyIds,
      Instant circulatedAt,
      Instant startedAt,
      Set<StartFlag> startFlags,
      Instant closedAt) {}

  /** One attendee: who, from which agency, whether they acknowledged. */
  @Schema(name = "Attendee")
  public record AttendeeView(
      UUID memberId, UUID agencyId, Instant checkedInAt, Instant acknowledgedAt) {}

  /** The coordinator's roll: who is present and who has acknowledged. */
  @Schema(name = "Attendance")
  public record Attendance(UUID meetingId, List<AttendeeView> attendees) {}

  /**
   * One agenda case, every field disclosed or withheld for the caller, and the case records the
   * caller may know of (each disclosed on its own, as the case file does).
   */
  @Schema(name = "AgendaCase")
  public record AgendaCase(
      UUID caseId, int position, Map<String, DisclosedField> fields, List<RecordView> records) {}

  /**
   * The meeting as one attendee sees it. Until the attendee has acknowledged the confidentiality
   * commitment, {@code cases} is empty and {@code gate} says why.
   */
  @Schema(name = "MeetingView")
  public record View(
      UUID meetingId,
      MeetingStatus status,
      boolean acknowledged,
      @Schema(description = "Why no case content is shown, e.g. ACKNOWLEDGEMENT_REQUIRED")
          String gate,
      List<AgendaCase> cases) {}

  /** A field one attendee may not see: label and reason, never the value. */
  @Schema(name = "WithheldFromAttendee")
  public record Withheld(
      String field, DataCategory category, String rule, String reason, String remedy) {}

  /** For one agenda case and one attendee: what the policy withholds from them. */
  @Schema(name = "AttendeeVisibility")
  public record AttendeeVisibility(
      UUID memberId, UUID agencyId, boolean acknowledged, List<Withheld> withheld) {}

  /**
   * For one agenda case: what each attendee cannot see, and the fields every attendee may see (the
   * safe ground for discussion in the room).
   */
  @Schema(name = "CaseVisibility")
  public record CaseVisibility(
      UUID caseId, int position, List<String> visibleToAll, List<AttendeeVisibility> attendees) {}

  @Schema(name = "MeetingVisibility")
  public record Visibility(UUID meetingId, List<CaseVisibility> cases) {}

  /** An action item as one caller may see it. */
  @Schema(name = "ActionItem")
  public record ActionItemView(UUID id, Map<String, DisclosedField> fields) {}

  @Schema(name = "Created")
  public record Created(UUID id) {}
}
