package org.casereview.agency;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.casereview.policy.DataCategory;
import org.casereview.policy.LegalStatus;
import org.casereview.policy.Purpose;
import org.casereview.policy.Role;
import org.casereview.policy.Sector;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the administrator's registry actions. */
public final class AgencyRequests {

  private AgencyRequests() {}

  @Schema(name = "AgencyRequest")
  public record AgencyDetails(
      @NotBlank @Size(max = 200) @Schema(example = "Riverside Police Department") String name,
      @NotNull Sector sector,
      @NotNull Jurisdiction jurisdiction,
      @Size(max = 5) Set<@NotNull LegalStatus> legalStatus) {}

  @Schema(name = "MouRequest")
  public record MouTerms(
      @NotNull LocalDate signedOn,
      @NotNull LocalDate effectiveFrom,
      @NotNull LocalDate expiresOn,
      @NotEmpty Set<@NotNull DataCategory> categories,
      @NotEmpty Set<@NotNull Purpose> purposes) {}

  @Schema(name = "OnboardMemberRequest")
  public record Onboard(
      @NotBlank @Pattern(regexp = "[a-z0-9._-]{3,60}") @Schema(example = "jane.doe")
          String username,
      @NotBlank @Size(max = 100) String firstName,
      @NotBlank @Size(max = 100) String lastName,
      @NotBlank @Email @Size(max = 254) String email,
      @NotNull UUID agencyId,
      @NotEmpty Set<@NotNull Role> roles,
      LocalDate trainingCompletedOn) {}

  @Schema(name = "TrainingRequest")
  public record Training(@NotNull LocalDate completedOn) {}
}
