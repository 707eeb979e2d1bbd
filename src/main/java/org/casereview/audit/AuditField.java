package org.casereview.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.casereview.policy.DataCategory;

/**
 * One field named in a disclosure or refusal: its name (never its value), category, outcome, and
 * what decided it. Obligations are the duties attached to the release (for example a 42 CFR Part 2
 * redisclosure notice).
 *
 * @param field the field's name in the record schema, e.g. {@code exam.findings}
 * @param category the field's data category
 * @param outcome released or withheld
 * @param ruleId the policy rule that decided the outcome
 * @param citation the legal citation of that rule, e.g. {@code 45 CFR 164.512(b)(1)(ii)}
 * @param consentId the consent relied on, if any
 * @param exception the statutory exception relied on instead of consent, if any
 * @param authorAgencyId the agency that wrote (holds) the record the field belongs to
 * @param obligations obligations applied to the release (sorted; empty if none)
 */
@JsonPropertyOrder({
  "field",
  "category",
  "outcome",
  "ruleId",
  "citation",
  "consentId",
  "exception",
  "authorAgencyId",
  "obligations"
})
public record AuditField(
    String field,
    DataCategory category,
    FieldOutcome outcome,
    String ruleId,
    String citation,
    UUID consentId,
    String exception,
    UUID authorAgencyId,
    Set<String> obligations) {

  public AuditField {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(outcome, "outcome");
    // Sorted so that the stored form, and with it the entry's hash, does not depend on set order.
    obligations =
        obligations == null
            ? Set.of()
            : java.util.Collections.unmodifiableSet(new TreeSet<>(obligations));
  }

  /** A released field. */
  public static AuditField released(
      String field,
      DataCategory category,
      String ruleId,
      String citation,
      UUID consentId,
      String exception,
      UUID authorAgencyId,
      Set<String> obligations) {
    return new AuditField(
        field,
        category,
        FieldOutcome.RELEASED,
        ruleId,
        citation,
        consentId,
        exception,
        authorAgencyId,
        obligations);
  }

  /** A withheld field, with the rule that withheld it. */
  public static AuditField withheld(
      String field, DataCategory category, String ruleId, String citation, UUID authorAgencyId) {
    return new AuditField(
        field,
        category,
        FieldOutcome.WITHHELD,
        ruleId,
        citation,
        null,
        null,
        authorAgencyId,
        Set.of());
  }
}
