package org.casereview.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset paging position: the sort time and id of the last row shown. Opaque to clients, and
 * holding nothing but a time and an id.
 */
public record Cursor(Instant at, UUID id) {

  public static final int DEFAULT_LIMIT = 25;
  public static final int MAX_LIMIT = 100;

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((at.toString() + "|" + id).getBytes(StandardCharsets.US_ASCII));
  }

  public static Cursor decode(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.US_ASCII).split("\\|");
      return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
    } catch (RuntimeException e) {
      throw ApiProblem.invalid("cursor", "not a cursor returned by this list");
    }
  }

  public static int limit(Integer requested) {
    if (requested == null) {
      return DEFAULT_LIMIT;
    }
    if (requested < 1 || requested > MAX_LIMIT) {
      throw ApiProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return requested;
  }
}
