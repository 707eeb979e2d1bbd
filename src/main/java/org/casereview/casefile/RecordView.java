package org.casereview.casefile;

import java.util.Map;
import java.util.UUID;
import org.casereview.disclosure.DisclosedField;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case record as one caller may see it. */
@Schema(name = "CaseRecord")
public record RecordView(UUID id, UUID caseId, Map<String, DisclosedField> fields) {}
