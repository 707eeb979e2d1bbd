package org.casereview.disclosure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A field as it leaves the service: either its value, or the fact that it was withheld, with the
 * category, the rule that withheld it and what would allow it. Never a blank, never a value that
 * the policy did not permit (docs/adr/0001-disclosure-spine.md).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "DisclosedField")
public record DisclosedField(
    @Schema(description = "DISCLOSED or WITHHELD") Status status,
    @Schema(description = "The field's data category", example = "HEALTH") String category,
    @Schema(description = "HL7 v3 sensitivity code where one exists", example = "SDV")
        String hl7SensitivityCode,
    @Schema(description = "The value; present only when disclosed") String value,
    @Schema(description = "The rule that decided", example = "HEALTH_CONSENT") String rule,
    @Schema(description = "Legal citation of the rule") String citation,
    @Schema(description = "Why the field was withheld") String reason,
    @Schema(description = "What would allow it: which consent, from whom, for which purpose")
        String remedy,
    @Schema(description = "Obligations attached to a disclosed value, e.g. the Part 2 notice")
        List<String> obligations) {

  public enum Status {
    DISCLOSED,
    WITHHELD
  }

  public boolean disclosed() {
    return status == Status.DISCLOSED;
  }

  @Override
  public String toString() {
    return "DisclosedField[" + status + ", " + category + "]";
  }
}
