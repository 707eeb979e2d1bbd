package org.casereview.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A recorded consent as the engine sees it on a read: scope, validity window, revocation, form and
 * the kinds of grantors who signed it (suspected abusers are refused at registration and never
 * appear here). A grant with {@link GrantorKind#COURT_ORDER} among its grantors is a court order.
 * {@code validUntil} is required; {@code revokedAt} is null unless revoked, and any revocation,
 * whatever its time, stops the grant from counting.
 */
public record ConsentGrant(
    UUID consentId,
    Set<DataCategory> categories,
    Set<UUID> recipientAgencyIds,
    Set<Sector> recipientSectors,
    Set<Purpose> purposes,
    Instant validFrom,
    Instant validUntil,
    Instant revokedAt,
    ConsentForm form,
    Set<GrantorKind> grantors,
    boolean namesPsychotherapyNotes) {
  public ConsentGrant {
    Objects.requireNonNull(consentId, "consentId");
    categories = Set.copyOf(Objects.requireNonNull(categories, "categories"));
    recipientAgencyIds =
        Set.copyOf(Objects.requireNonNull(recipientAgencyIds, "recipientAgencyIds"));
    recipientSectors = Set.copyOf(Objects.requireNonNull(recipientSectors, "recipientSectors"));
    purposes = Set.copyOf(Objects.requireNonNull(purposes, "purposes"));
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(form, "form");
    grantors = Set.copyOf(Objects.requireNonNull(grantors, "grantors"));
  }

  public boolean courtOrder() {
    return grantors.contains(GrantorKind.COURT_ORDER);
  }

  /** In force at {@code now}: not revoked, {@code validFrom <= now < validUntil}. */
  public boolean isLiveAt(Instant now) {
    return revokedAt == null && !now.isBefore(validFrom) && now.isBefore(validUntil);
  }
}
