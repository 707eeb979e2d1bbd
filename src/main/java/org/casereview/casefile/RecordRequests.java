package org.casereview.casefile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.casereview.policy.DataCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A record as an agency adds it. */
@Schema(name = "NewCaseRecord")
public record RecordRequests(
    @NotNull RecordType type,
    @Schema(description = "Values of the type's fields by name (not for FREE_FORM)") @Size(max = 20)
        Map<@NotBlank String, @Size(max = 20000) String> values,
    @Schema(description = "FREE_FORM only: each field with the category its author picks")
        @Size(max = 50)
        List<@Valid @NotNull FreeField> fields) {

  /** A free-form field: the author names it and picks its category. */
  @Schema(name = "FreeFormField")
  public record FreeField(
      @NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{0,59}") String name,
      @NotNull DataCategory category,
      @Size(max = 20000) String value) {
    @Override
    public String toString() {
      return "FreeField[" + name + ", " + category + "]";
    }
  }

  @Override
  public String toString() {
    return "RecordRequests[" + type + "]";
  }
}
