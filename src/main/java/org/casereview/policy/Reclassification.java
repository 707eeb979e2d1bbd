package org.casereview.policy;

import java.util.Objects;

/**
 * A field of this category written by an agency with {@code authorLegalStatus} is governed as
 * {@code governedAs} (identity held by a VAWA victim service provider is governed as
 * VICTIM_ADVOCACY: 34 U.S.C. 12291(b)(2)).
 */
public record Reclassification(
    LegalStatus authorLegalStatus, DataCategory governedAs, String ruleId) {
  public Reclassification {
    Objects.requireNonNull(authorLegalStatus, "authorLegalStatus");
    Objects.requireNonNull(governedAs, "governedAs");
    Objects.requireNonNull(ruleId, "ruleId");
  }
}
