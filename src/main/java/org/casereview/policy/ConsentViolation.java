package org.casereview.policy;

import java.util.Objects;

/**
 * Why a consent draft is refused: a stable rule id (usable as a problem+json error code), the legal
 * citation, and a message that names categories and grantor kinds but never personal data.
 */
public record ConsentViolation(String ruleId, String citation, String message) {
  public ConsentViolation {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(citation, "citation");
    Objects.requireNonNull(message, "message");
  }
}
