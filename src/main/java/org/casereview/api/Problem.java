package org.casereview.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document with the service's stable {@code code} extension. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details with a stable error code")
public record Problem(
    @Schema(description = "URI naming the kind of problem", example = "urn:mdt:problem:NOT_FOUND")
        String type,
    @Schema(example = "No such resource, or not visible to the caller") String title,
    @Schema(example = "404") int status,
    @Schema(description = "What went wrong; never echoes submitted values") String detail,
    @Schema(description = "The request path", example = "/api/v1/referrals/3f0c...")
        String instance,
    @Schema(description = "Stable error code", example = "NOT_FOUND") String code,
    @Schema(description = "Correlation id, also in the X-Request-Id header") String requestId,
    @Schema(description = "Offending fields, named but never echoed") List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid field: its path in the request and what is wrong with it. */
  public record FieldError(String field, String message) {}

  public static Problem of(
      ErrorCode code, String detail, String instance, String requestId, List<FieldError> errors) {
    return new Problem(
        "urn:mdt:problem:" + code.code(),
        code.title(),
        code.status(),
        detail,
        instance,
        code.code(),
        requestId,
        errors);
  }
}
