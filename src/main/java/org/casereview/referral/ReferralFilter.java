package org.casereview.referral;

import java.time.Instant;
import java.util.UUID;
import org.casereview.api.Cursor;

/** Filters of the referral queue, and the paging position. */
public record ReferralFilter(
    ReferralStatus status,
    Urgency urgency,
    UUID sourceAgencyId,
    Instant receivedFrom,
    Instant receivedTo,
    Cursor after,
    int limit) {}
