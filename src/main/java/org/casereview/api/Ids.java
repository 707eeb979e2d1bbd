package org.casereview.api;

import java.util.UUID;

/** Parses identifiers from paths and queries; a malformed id is a 400, never a 500 or 404. */
public final class Ids {

  private Ids() {}

  public static UUID parse(String raw, String name) {
    if (raw == null || raw.length() != 36) {
      throw new ApiProblem(ErrorCode.MALFORMED_ID, name + " must be a UUID");
    }
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(ErrorCode.MALFORMED_ID, name + " must be a UUID");
    }
  }

  public static UUID parseOptional(String raw, String name) {
    return raw == null || raw.isBlank() ? null : parse(raw, name);
  }
}
