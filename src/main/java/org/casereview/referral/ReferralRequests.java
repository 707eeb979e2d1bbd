package org.casereview.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the coordinator's and the referring agency's actions on a referral. */
public final class ReferralRequests {

  private ReferralRequests() {}

  @Schema(name = "TriageRequest")
  public record Triage(@NotNull Urgency urgency, @Size(max = 4000) String note) {
    @Override
    public String toString() {
      return "Triage[" + urgency + "]";
    }
  }

  @Schema(name = "OpenCaseRequest")
  public record OpenCase(
      UUID leadAgencyId, @Size(max = 100) Set<@NotNull UUID> participatingAgencyIds) {}

  @Schema(name = "LinkRequest")
  public record Link(@NotNull UUID caseId) {}

  @Schema(name = "DeclineRequest")
  public record Decline(@NotBlank @Size(max = 4000) String reason) {
    @Override
    public String toString() {
      return "Decline[redacted]";
    }
  }

  @Schema(name = "WithdrawRequest")
  public record Withdraw(@Size(max = 4000) String reason) {
    @Override
    public String toString() {
      return "Withdraw[redacted]";
    }
  }
}
