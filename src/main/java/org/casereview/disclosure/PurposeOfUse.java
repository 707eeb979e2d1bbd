package org.casereview.disclosure;

import org.casereview.api.ApiProblem;
import org.casereview.api.ErrorCode;
import org.casereview.policy.Purpose;

/** The purpose of use header, required on every read of case data. */
public final class PurposeOfUse {

  public static final String HEADER = "X-Purpose-Of-Use";

  private PurposeOfUse() {}

  public static Purpose require(String header) {
    if (header == null || header.isBlank()) {
      throw new ApiProblem(
          ErrorCode.PURPOSE_REQUIRED, "State the purpose of use in the " + HEADER + " header");
    }
    try {
      return Purpose.valueOf(header.trim());
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(
          ErrorCode.PURPOSE_REQUIRED,
          HEADER + " must be one of " + java.util.Arrays.toString(Purpose.values()));
    }
  }
}
