package org.casereview.api;

import java.util.List;

/**
 * A failure that the API answers with an RFC 9457 problem document. The detail is written for the
 * caller and must never contain a confidential value, a key id or SQL.
 */
public class ApiProblem extends RuntimeException {

  private final ErrorCode errorCode;
  private final List<Problem.FieldError> errors;

  public ApiProblem(ErrorCode errorCode, String detail) {
    this(errorCode, detail, List.of());
  }

  public ApiProblem(ErrorCode errorCode, String detail, List<Problem.FieldError> errors) {
    super(detail, null, false, false); // no stack trace: these are expected outcomes
    this.errorCode = errorCode;
    this.errors = List.copyOf(errors);
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }

  public static ApiProblem notFound(String what) {
    return new ApiProblem(ErrorCode.NOT_FOUND, what + " not found");
  }

  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(ErrorCode.FORBIDDEN, detail);
  }

  public static ApiProblem invalid(String field, String message) {
    return new ApiProblem(
        ErrorCode.VALIDATION_FAILED,
        "The request is not valid",
        List.of(new Problem.FieldError(field, message)));
  }
}
