package org.casereview.referral;

import java.util.Map;
import java.util.UUID;
import org.casereview.disclosure.DisclosedField;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A referral as one caller may see it: its id and every field as disclosed or withheld by the
 * policy (status, urgency and dates included: they pass the same decision).
 */
@Schema(name = "Referral")
public record ReferralView(UUID id, Map<String, DisclosedField> fields) {}
