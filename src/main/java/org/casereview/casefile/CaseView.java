package org.casereview.casefile;

import java.util.Map;
import java.util.UUID;
import org.casereview.disclosure.DisclosedField;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case as one caller may see it: every field disclosed or withheld by the policy. */
@Schema(name = "Case")
public record CaseView(UUID id, Map<String, DisclosedField> fields) {}
