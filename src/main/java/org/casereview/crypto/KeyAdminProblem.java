package org.casereview.crypto;

import jakarta.ws.rs.WebApplicationException;

/**
 * A refused key-administration request, with a stable code. Messages never name keys, subjects or
 * SQL. The API layer renders it as problem+json.
 */
public class KeyAdminProblem extends WebApplicationException {

  private final String code;

  public KeyAdminProblem(int status, String code, String message) {
    super(message, status);
    this.code = code;
  }

  public String code() {
    return code;
  }

  static KeyAdminProblem notFound(String code, String message) {
    return new KeyAdminProblem(404, code, message);
  }

  static KeyAdminProblem conflict(String code, String message) {
    return new KeyAdminProblem(409, code, message);
  }

  static KeyAdminProblem badRequest(String code, String message) {
    return new KeyAdminProblem(400, code, message);
  }
}
