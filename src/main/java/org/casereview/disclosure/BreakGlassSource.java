package org.casereview.disclosure;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.casereview.policy.BreakGlassGrant;

/** The member's break-glass grant for a case in force at a time, if any. */
public interface BreakGlassSource {

  Optional<BreakGlassGrant> activeGrant(UUID memberId, UUID caseId, Instant at);
}
