package org.casereview.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.casereview.policy.DataCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the meeting endpoints. Records holding free text never print it. */
public final class MeetingRequests {

  private MeetingRequests() {}

  @Schema(name = "ScheduleMeetingRequest")
  public record Schedule(
      @NotNull Instant scheduledAt,
      @Schema(description = "Defaults to the caller") UUID facilitatorMemberId,
      @NotEmpty @Size(max = 100) Set<@NotNull UUID> invitedAgencyIds,
      @Schema(description = "Agencies that must attend; defaults to half the invited, rounded up")
          @Min(1)
          @Max(100)
          Integer quorumAgencies) {}

  @Schema(name = "AgendaRequest")
  public record Agenda(@NotEmpty @Size(max = 50) List<@NotNull UUID> caseIds) {}

  @Schema(name = "AcknowledgementRequest")
  public record Acknowledge(
      @Schema(description = "The version of the statement the attendee read and accepts")
          @NotBlank
          @Size(max = 40)
          String statementVersion) {}

  @Schema(name = "MinuteRequest")
  public record Minute(
      @NotNull MinuteKind kind,
      @Schema(description = "The data category of the text; it decides who may read it") @NotNull
          DataCategory category,
      @NotBlank @Size(max = 8000) String text) {
    @Override
    public String toString() {
      return "Minute[" + kind + ", " + category + "]";
    }
  }

  @Schema(name = "NextReviewRequest")
  public record NextReview(@NotNull LocalDate nextReviewOn) {}

  @Schema(name = "ActionItemRequest")
  public record NewActionItem(
      @NotNull UUID ownerAgencyId,
      UUID ownerMemberId,
      @NotNull LocalDate dueOn,
      @Schema(description = "The meeting the owner reports back to") UUID reportBackMeetingId,
      @NotBlank @Size(max = 4000) String description) {
    @Override
    public String toString() {
      return "NewActionItem[" + ownerAgencyId + ", " + dueOn + "]";
    }
  }

  @Schema(name = "DropActionItemRequest")
  public record Drop(@NotBlank @Size(max = 4000) String reason) {
    @Override
    public String toString() {
      return "Drop[redacted]";
    }
  }
}
