package org.casereview.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What an emergency (purpose EMERGENCY with a live break-glass grant) opens, for how long at most,
 * and with which obligations. The statutory exclusions (SUBSTANCE_USE for criminal justice
 * agencies, VICTIM_ADVOCACY, LAW_ENFORCEMENT_SENSITIVE) hold whatever this says.
 */
public record BreakGlassPolicy(
    String ruleId,
    Set<DataCategory> categories,
    Duration maxDuration,
    Set<Obligation> obligations) {
  public BreakGlassPolicy {
    Objects.requireNonNull(ruleId, "ruleId");
    categories = Set.copyOf(categories);
    Objects.requireNonNull(maxDuration, "maxDuration");
    obligations = Set.copyOf(obligations);
  }
}
