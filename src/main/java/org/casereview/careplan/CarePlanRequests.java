package org.casereview.careplan;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.casereview.policy.DataCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the care-plan endpoints. Records holding free text never print it. */
public final class CarePlanRequests {

  private CarePlanRequests() {}

  @Schema(name = "NeedRequest")
  public record Need(
      @NotNull NeedKind kind,
      @Size(max = 4000) String note,
      @Schema(description = "Category of the note; COORDINATION when absent")
          DataCategory noteCategory) {
    @Override
    public String toString() {
      return "Need[" + kind + "]";
    }
  }

  @Schema(name = "ServiceReferralRequest")
  public record Referral(@NotNull UUID needId, @NotNull UUID providerAgencyId) {}

  @Schema(name = "ServiceStatusRequest")
  public record Status(
      @NotNull ServiceStatus status,
      @Schema(description = "Required when declined") @Size(max = 4000) String reason) {
    @Override
    public String toString() {
      return "Status[" + status + "]";
    }
  }

  @Schema(name = "SafetyPlanRequest")
  public record SafetyPlan(
      @NotNull SafetyPlanKind kind,
      @Schema(description = "The agencies that may see the plan's location and contacts")
          @NotEmpty
          @Size(max = 50)
          Set<@NotNull UUID> namedAgencyIds,
      @Size(max = 4000) String location,
      @Size(max = 4000) String contacts,
      @Size(max = 8000) String measures,
      LocalDate reviewOn) {
    @Override
    public String toString() {
      return "SafetyPlan[" + kind + "]";
    }
  }
}
