package org.casereview.api;

import java.util.Arrays;

/** Parses enum values from query parameters: an unknown value is a 400 naming the choices. */
public final class Enums {

  private Enums() {}

  public static <E extends Enum<E>> E parseOptional(Class<E> type, String raw, String name) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.trim());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }
}
