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
        List<String> obligations,
    @Schema(
            description =
                "A notice the recipient must heed, e.g. the 42 CFR 2.32 prohibition on redisclosure")
        String notice) {

  /** The notice 42 CFR 2.32(a)(1) requires with every disclosure of a Part 2 record. */
  public static final String PART2_NOTICE =
      "This record which has been disclosed to you is protected by federal confidentiality rules"
          + " (42 CFR part 2). These rules prohibit you from using or disclosing this record, or"
          + " testimony that describes the information contained in this record, in any civil,"
          + " criminal, administrative, or legislative proceedings by any Federal, State, or local"
          + " authority, against the patient, unless authorized by the consent of the patient,"
          + " except as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance"
          + " with 42 CFR 2.64 or 2.65. In addition, the Federal rules prohibit you from making any"
          + " other use or disclosure of this record unless at least one of the following applies:"
          + " further use or disclosure is expressly permitted by the written consent of the"
          + " individual whose information is being disclosed in this record or as otherwise"
          + " permitted by 42 CFR part 2.";

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
