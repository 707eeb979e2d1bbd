package org.casereview.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one read needs decided: who asks, for what purpose, about which case, under which of
 * the youth's consents (all of them, live or not: the engine decides which count), any break-glass
 * grant, and the time of the read.
 */
public record DecisionRequest(
    Requester requester,
    Purpose purpose,
    CaseFacts caseFacts,
    List<ConsentGrant> consents,
    Optional<BreakGlassGrant> breakGlass,
    Instant now) {
  public DecisionRequest {
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(caseFacts, "caseFacts");
    consents = List.copyOf(Objects.requireNonNull(consents, "consents"));
    Objects.requireNonNull(breakGlass, "breakGlass");
    Objects.requireNonNull(now, "now");
  }
}
