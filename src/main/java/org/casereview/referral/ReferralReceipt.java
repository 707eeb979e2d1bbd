package org.casereview.referral;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What intake returns: ids and workflow state only, never the submitted details. */
@Schema(name = "ReferralReceipt")
public record ReferralReceipt(
    UUID id, UUID subjectId, ReferralStatus status, Urgency urgency, Instant receivedAt) {}
