package org.casereview.api;

/**
 * Stable error codes of the API's problem+json answers. Clients switch on {@link #code()}; the
 * codes never change meaning and are never reused. The HTTP status travels with the code.
 */
public enum ErrorCode {
  VALIDATION_FAILED(400, "The request is not valid"),
  MALFORMED_JSON(400, "The request body is not valid JSON"),
  UNKNOWN_PROPERTY(400, "The request body has a property this endpoint does not accept"),
  WRONG_TYPE(400, "A property of the request body has the wrong type"),
  MALFORMED_ID(400, "An identifier in the request is malformed"),
  PURPOSE_REQUIRED(400, "Every read of case data must state its purpose of use"),
  UNAUTHENTICATED(401, "Authentication is required"),
  FORBIDDEN(403, "The caller's role does not allow this"),
  MEMBER_UNKNOWN(403, "The caller is not a registered member"),
  MEMBER_OFFBOARDED(403, "The caller's membership has ended"),
  AGENCY_MISMATCH(403, "The token's agency does not match the member's agency"),
  MOU_INACTIVE(403, "The agency has no active MOU with the task force"),
  TRAINING_EXPIRED(403, "The member's confidentiality training is not current"),
  NOT_FOUND(404, "No such resource, or not visible to the caller"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "The requested media type is not available"),
  ILLEGAL_TRANSITION(409, "The resource's status does not allow this change"),
  CONFLICT(409, "The resource was changed or already exists"),
  PAYLOAD_TOO_LARGE(413, "The request body is too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  IDEMPOTENCY_KEY_REUSED(422, "The Idempotency-Key was already used with a different body"),
  AGENCY_NOT_ELIGIBLE(422, "The agency cannot take part: it has no active MOU"),
  RULE_VIOLATION(422, "The request breaks a rule of the domain"),
  IDENTITY_PROVIDER_UNAVAILABLE(503, "The identity provider could not be reached"),
  INTERNAL_ERROR(500, "The request could not be completed; nothing was disclosed");

  private final int status;
  private final String title;

  ErrorCode(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The stable code as it appears in problem documents. */
  public String code() {
    return name();
  }
}
