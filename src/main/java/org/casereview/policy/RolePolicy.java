package org.casereview.policy;

import java.util.Objects;
import java.util.Set;

/**
 * What a role may see before any category rule is consulted. {@code caseContent} false means the
 * role never sees case content (auditor, admin). {@code triageCategories} are seen on every case
 * for {@code triagePurposes} (the coordinator's COORDINATION and IDENTITY); {@code asMember} means
 * the role also gets what its agency gets under the category rules.
 */
public record RolePolicy(
    Role role,
    String ruleId,
    boolean caseContent,
    boolean asMember,
    Set<DataCategory> triageCategories,
    Set<Purpose> triagePurposes) {
  public RolePolicy {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(ruleId, "ruleId");
    triageCategories = Set.copyOf(triageCategories);
    triagePurposes = Set.copyOf(triagePurposes);
  }
}
