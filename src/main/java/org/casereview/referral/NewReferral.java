package org.casereview.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.casereview.policy.DataCategory;
import org.casereview.subject.YouthIdentity;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A referral as the referring agency submits it. */
@Schema(name = "NewReferral")
public record NewReferral(
    @NotNull @Valid YouthIdentity youth,
    @Size(max = 20) Set<@NotNull Indicator> indicators,
    @NotBlank @Size(max = 20000) @Schema(description = "What the referring professional observed")
        String narrative,
    @Schema(
            description =
                "The data category of the narrative, chosen by the referring agency"
                    + " (default COORDINATION); it decides who may read it",
            example = "CHILD_WELFARE")
        DataCategory narrativeCategory,
    @NotNull Urgency urgency) {

  @Override
  public String toString() {
    return "NewReferral[redacted]";
  }
}
