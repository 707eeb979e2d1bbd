package org.casereview.policy;

import java.util.List;
import java.util.Objects;

/**
 * The disclosure decision: deny by default, deny overrides. Pure and thread-safe; one instance per
 * loaded pack. See package-info for the order in which rules apply.
 */
public final class PolicyEngine {
  private final PolicyPack pack;

  public PolicyEngine(PolicyPack pack) {
    this.pack = Objects.requireNonNull(pack, "pack");
  }

  public String packVersion() {
    return pack.version();
  }

  public PolicyPack pack() {
    return pack;
  }

  public FieldDecision decide(DecisionRequest request, FieldLabel field) {
    PackRule rule = pack.rule(RuleIds.DENY_BY_DEFAULT);
    return new FieldDecision(
        field.name(),
        field.category(),
        Outcome.WITHHOLD,
        rule.id(),
        rule.citation(),
        null,
        null,
        java.util.Set.of(),
        "withheld: no rule permits it",
        "none yet",
        pack.version());
  }

  public List<FieldDecision> decideAll(DecisionRequest request, List<FieldLabel> fields) {
    return fields.stream().map(f -> decide(request, f)).toList();
  }

  /** The consent validation rules of this pack, for the consent registry. */
  public ConsentRules consentRules() {
    return new ConsentRules(pack);
  }
}
