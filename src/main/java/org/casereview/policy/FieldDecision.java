package org.casereview.policy;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The decision for one field. {@code ruleId} and {@code citation} name the rule that decided;
 * {@code consentId} is the consent relied on (null if none), {@code exception} the statutory
 * exception relied on (null if none). {@code reason} explains the outcome and, for a withheld
 * field, {@code remedy} says what would allow it (null when permitted). Neither ever contains a
 * field value. {@code packVersion} is the version of the policy pack that decided.
 */
public record FieldDecision(
    String field,
    DataCategory category,
    Outcome outcome,
    String ruleId,
    String citation,
    UUID consentId,
    String exception,
    Set<Obligation> obligations,
    String reason,
    String remedy,
    String packVersion) {
  public FieldDecision {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(citation, "citation");
    obligations = Set.copyOf(Objects.requireNonNull(obligations, "obligations"));
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(packVersion, "packVersion");
  }

  public boolean permitted() {
    return outcome == Outcome.PERMIT;
  }

  /** The same decision for another field of the same label (decisions are shared per label). */
  FieldDecision forField(String otherField) {
    return new FieldDecision(
        otherField,
        category,
        outcome,
        ruleId,
        citation,
        consentId,
        exception,
        obligations,
        reason,
        remedy,
        packVersion);
  }

  /** The same decision for a field of another category (request-level gates). */
  FieldDecision withCategory(DataCategory otherCategory) {
    return new FieldDecision(
        field,
        otherCategory,
        outcome,
        ruleId,
        citation,
        consentId,
        exception,
        obligations,
        otherCategory + " " + reason,
        remedy,
        packVersion);
  }
}
