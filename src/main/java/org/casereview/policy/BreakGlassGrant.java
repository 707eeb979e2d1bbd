package org.casereview.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An emergency access granted to one member for one case for a short, fixed window. */
public record BreakGlassGrant(
    UUID grantId, UUID memberId, UUID caseId, Instant validFrom, Instant validUntil) {
  public BreakGlassGrant {
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
  }

  public boolean isLiveAt(Instant now) {
    return !now.isBefore(validFrom) && now.isBefore(validUntil);
  }
}
