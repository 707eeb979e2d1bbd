package org.casereview.policy;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a consent must say to open a category. {@code allowed} false: no consent can open it (only
 * the originating agency may release it). {@code recipients}: whether a sector may stand for a
 * named agency. {@code minorGrantors} / {@code adultGrantors}: the acceptable sets of grantor
 * kinds, any one of which must be wholly present. {@code maxValidityDays}: longest window (null: no
 * limit beyond a required expiry). {@code specific}: the consent must name this category
 * specifically and cover nothing else (psychotherapy notes, HIPAA 164.508(b)(3)(ii)).
 */
public record ConsentPolicy(
    boolean allowed,
    String ruleId,
    RecipientNaming recipients,
    Set<ConsentForm> forms,
    List<Set<GrantorKind>> minorGrantors,
    List<Set<GrantorKind>> adultGrantors,
    Integer maxValidityDays,
    boolean specific,
    Set<Obligation> obligations) {

  /** How a consent must identify its recipient. */
  public enum RecipientNaming {
    /** The recipient agency must be named. */
    AGENCY,
    /** A named agency, or a sector of agencies. */
    AGENCY_OR_SECTOR
  }

  public ConsentPolicy {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(recipients, "recipients");
    forms = Set.copyOf(forms);
    minorGrantors = minorGrantors.stream().map(Set::copyOf).toList();
    adultGrantors = adultGrantors.stream().map(Set::copyOf).toList();
    obligations = Set.copyOf(obligations);
  }

  public List<Set<GrantorKind>> grantorsFor(boolean subjectIsMinor) {
    return subjectIsMinor ? minorGrantors : adultGrantors;
  }
}
