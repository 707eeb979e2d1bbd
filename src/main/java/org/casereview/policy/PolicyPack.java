package org.casereview.policy;

import java.util.Map;
import java.util.Objects;

/**
 * A policy pack: versioned data saying who may see which category, for which purpose, on which
 * consent. Built by {@code org.casereview.policy.pack.PolicyPackLoader} from a file and checked by
 * {@link PolicyPackValidator}; the engine refuses a pack that does not pass.
 *
 * <p>{@code rules} holds every rule the pack can decide by, each with its citation, including the
 * statutory invariants the engine enforces whatever the pack says ({@link RuleIds}).
 */
public record PolicyPack(
    String version,
    String title,
    Map<String, PackRule> rules,
    Map<Role, RolePolicy> roles,
    Map<DataCategory, CategoryPolicy> categories,
    BreakGlassPolicy breakGlass) {
  public PolicyPack {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(title, "title");
    rules = Map.copyOf(rules);
    roles = Map.copyOf(roles);
    categories = Map.copyOf(categories);
    Objects.requireNonNull(breakGlass, "breakGlass");
  }

  /** The rule with this id; the validator guarantees every referenced id exists. */
  public PackRule rule(String id) {
    PackRule r = rules.get(id);
    if (r == null) {
      throw new IllegalStateException("policy pack " + version + " has no rule " + id);
    }
    return r;
  }
}
