package org.casereview.policy;

import java.util.Objects;

/**
 * A rule of the policy pack with its legal citation. Every decision and every consent violation
 * names one of these by {@code id}; an operator reviewing the pack reads {@code summary}.
 */
public record PackRule(String id, String citation, String summary) {
  public PackRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(citation, "citation");
    Objects.requireNonNull(summary, "summary");
  }
}
