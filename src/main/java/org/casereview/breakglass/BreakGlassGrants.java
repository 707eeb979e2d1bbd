package org.casereview.breakglass;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.casereview.disclosure.BreakGlassSource;
import org.casereview.policy.BreakGlassGrant;

/** Break-glass grants as the policy reads them. */
@ApplicationScoped
public class BreakGlassGrants implements BreakGlassSource {

  @Override
  public Optional<BreakGlassGrant> activeGrant(UUID memberId, UUID caseId, Instant at) {
    return BreakGlass.activeFor(memberId, caseId, at).map(BreakGlass::toGrant);
  }
}
