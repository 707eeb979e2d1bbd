package org.casereview.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A consent as submitted to the registry, before it is accepted. Nullable where the submitter may
 * have left something out ({@code validFrom}, {@code validUntil}, {@code form}), so that {@link
 * ConsentRules} can name the rule that refuses it rather than failing on a null.
 */
public record ConsentDraft(
    Set<DataCategory> categories,
    Set<java.util.UUID> recipientAgencyIds,
    Set<Sector> recipientSectors,
    Set<Purpose> purposes,
    Instant validFrom,
    Instant validUntil,
    ConsentForm form,
    List<Grantor> grantors,
    boolean namesPsychotherapyNotes,
    boolean subjectIsMinor) {
  public ConsentDraft {
    categories = Set.copyOf(Objects.requireNonNull(categories, "categories"));
    recipientAgencyIds =
        Set.copyOf(Objects.requireNonNull(recipientAgencyIds, "recipientAgencyIds"));
    recipientSectors = Set.copyOf(Objects.requireNonNull(recipientSectors, "recipientSectors"));
    purposes = Set.copyOf(Objects.requireNonNull(purposes, "purposes"));
    grantors = List.copyOf(Objects.requireNonNull(grantors, "grantors"));
  }
}
