package org.casereview.policy;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The pack's row for one data category: the governing law, the rule that withholds by default, the
 * permissions without consent, what a consent must say, the obligations on every disclosure of the
 * category, and any reclassification by the author's legal status.
 */
public record CategoryPolicy(
    DataCategory category,
    String governingLaw,
    String defaultRuleId,
    List<AccessRule> access,
    ConsentPolicy consent,
    Set<Obligation> obligations,
    List<Reclassification> reclassifications) {
  public CategoryPolicy {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(governingLaw, "governingLaw");
    Objects.requireNonNull(defaultRuleId, "defaultRuleId");
    access = List.copyOf(access);
    Objects.requireNonNull(consent, "consent");
    obligations = Set.copyOf(obligations);
    reclassifications = List.copyOf(reclassifications);
  }
}
