package org.casereview.consent;

import java.util.Map;
import java.util.UUID;
import org.casereview.disclosure.DisclosedField;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consent as one caller may see it (its scope passes the policy like any other case data). */
@Schema(name = "Consent")
public record ConsentView(
    UUID id, UUID subjectId, String status, Map<String, DisclosedField> fields) {}
