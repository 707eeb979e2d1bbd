package org.casereview.subject;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The identifying details of a youth as a referring agency submits them. All confidential. */
@Schema(
    description = "Identifying details of the youth; stored encrypted, shown only as policy allows")
public record YouthIdentity(
    @NotBlank @Size(max = 200) @Schema(example = "Jordan Avery Doe") String legalName,
    @Size(max = 10) List<@NotBlank @Size(max = 200) String> aliases,
    @PastOrPresent @Schema(example = "2010-04-17") LocalDate dateOfBirth,
    @Size(max = 50) @Schema(example = "female") String gender,
    @Size(max = 500)
        @Schema(description = "Phone or placement contact: SAFETY_LOCATION", example = "555-0100")
        String contact) {

  @Override
  public String toString() {
    return "YouthIdentity[redacted]";
  }
}
