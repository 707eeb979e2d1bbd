package org.casereview.casefile;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.casereview.policy.CaseFlag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the coordinator's actions on a case. */
public final class CaseRequests {

  private CaseRequests() {}

  @Schema(name = "AssignAgenciesRequest")
  public record AssignAgencies(
      @NotNull UUID leadAgencyId,
      @NotNull @Size(max = 100) Set<@NotNull UUID> participatingAgencyIds) {}

  @Schema(name = "CloseCaseRequest")
  public record Close(@NotNull CaseOutcome outcome, @Size(max = 4000) String note) {
    @Override
    public String toString() {
      return "Close[" + outcome + "]";
    }
  }

  @Schema(name = "CaseFlagsRequest")
  public record Flags(@NotNull @Size(max = 10) Set<@NotNull CaseFlag> flags) {}
}
