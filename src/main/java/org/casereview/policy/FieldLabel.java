package org.casereview.policy;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The label of one field of a case record: its name (never its value), its category, the agency
 * that wrote it and that agency's legal status. The author's legal status matters because the same
 * category can fall under another law depending on who holds it (identity held by a VAWA victim
 * service provider is governed by VAWA).
 */
public record FieldLabel(
    String name, DataCategory category, UUID authorAgencyId, Set<LegalStatus> authorLegalStatus) {
  public FieldLabel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(authorAgencyId, "authorAgencyId");
    authorLegalStatus = Set.copyOf(Objects.requireNonNull(authorLegalStatus, "authorLegalStatus"));
  }
}
