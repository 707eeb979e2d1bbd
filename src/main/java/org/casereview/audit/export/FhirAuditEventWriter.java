package org.casereview.audit.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import org.casereview.audit.AuditEventType;
import org.casereview.audit.AuditJson;
import org.casereview.audit.chain.LogEntry;
import org.casereview.policy.DataCategory;
import org.casereview.policy.Purpose;

/**
 * Writes an entry as a FHIR R4 AuditEvent in the shape of IHE Basic Audit Log Patterns (BALP):
 * RESTful-operation type and interaction subtype, the member as requesting agent, the youth as the
 * Patient entity, the record as the data entity with the HL7 sensitivity labels of the released
 * categories, the HL7 purpose of use, and the chain position and hash as extensions.
 */
final class FhirAuditEventWriter {

  private static final String EXT = "https://casereview.org/fhir/StructureDefinition/";
  private static final HexFormat HEX = HexFormat.of();

  private FhirAuditEventWriter() {}

  static void write(JsonGenerator g, ExportLine line) throws IOException {
    LogEntry e = line.entry();
    AuditEventType type = typeOf(e.eventCode());
    String interaction = interaction(type);
    g.writeStartObject();
    g.writeStringField("resourceType", "AuditEvent");
    g.writeStringField("id", e.entryId());
    g.writeObjectFieldStart("meta");
    g.writeArrayFieldStart("profile");
    g.writeString(
        "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit."
            + ("read".equals(interaction)
                ? "Read"
                : "create".equals(interaction)
                    ? "Create"
                    : "update".equals(interaction)
                        ? "Update"
                        : "delete".equals(interaction) ? "Delete" : "Execute"));
    g.writeEndArray();
    g.writeEndObject();
    g.writeArrayFieldStart("extension");
    extension(g, "audit-chain-position", Long.toString(line.position()));
    extension(g, "audit-chain-hash", HEX.formatHex(line.hash()));
    extension(g, "audit-event-code", e.eventCode());
    if (e.policyPackVersion() != null) {
      extension(g, "policy-pack-version", e.policyPackVersion());
    }
    if (e.breakGlass()) {
      extension(g, "break-glass-grant", e.breakGlassGrantId());
    }
    g.writeEndArray();
    coding(
        g,
        "type",
        "http://terminology.hl7.org/CodeSystem/audit-event-type",
        "rest",
        "Restful Operation",
        false);
    g.writeArrayFieldStart("subtype");
    g.writeStartObject();
    g.writeStringField("system", "http://hl7.org/fhir/restful-interaction");
    g.writeStringField("code", interaction);
    g.writeEndObject();
    g.writeEndArray();
    g.writeStringField("action", action(interaction));
    g.writeStringField("recorded", ExportLine.isoTime(e.recordedAtMicros()));
    g.writeStringField("outcome", e.refusal() ? "4" : "0");
    JsonNode details = AuditJson.mapper().readTree(e.details());
    if (details.hasNonNull("reason")) {
      g.writeStringField("outcomeDesc", details.get("reason").asText());
    }
    if (e.purpose() != null) {
      g.writeArrayFieldStart("purposeOfEvent");
      g.writeStartObject();
      g.writeArrayFieldStart("coding");
      g.writeStartObject();
      g.writeStringField("system", "http://terminology.hl7.org/CodeSystem/v3-ActReason");
      g.writeStringField("code", hl7Purpose(e.purpose()));
      g.writeStringField("display", e.purpose());
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeArrayFieldStart("agent");
    g.writeStartObject();
    g.writeObjectFieldStart("type");
    g.writeArrayFieldStart("coding");
    g.writeStartObject();
    g.writeStringField("system", "http://terminology.hl7.org/CodeSystem/v3-ParticipationType");
    g.writeStringField("code", "IRCP");
    g.writeStringField("display", "information recipient");
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    JsonNode roles = AuditJson.mapper().readTree(e.roles());
    if (roles.size() > 0) {
      g.writeArrayFieldStart("role");
      for (JsonNode r : roles) {
        g.writeStartObject();
        g.writeStringField("text", r.asText());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeObjectFieldStart("who");
    identifier(g, "urn:casereview:member", e.memberId());
    g.writeEndObject();
    g.writeBooleanField("requestor", true);
    if (e.agencyId() != null) {
      g.writeObjectFieldStart("location");
      identifier(g, "urn:casereview:agency", e.agencyId());
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("source");
    g.writeObjectFieldStart("observer");
    g.writeStringField("display", "mdt-case-review");
    g.writeEndObject();
    g.writeArrayFieldStart("type");
    g.writeStartObject();
    g.writeStringField("system", "http://terminology.hl7.org/CodeSystem/security-source-type");
    g.writeStringField("code", "4");
    g.writeStringField("display", "Application Server");
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.writeArrayFieldStart("entity");
    if (e.subjectId() != null) {
      g.writeStartObject();
      g.writeObjectFieldStart("what");
      identifier(g, "urn:casereview:subject", e.subjectId());
      g.writeEndObject();
      coding(
          g,
          "type",
          "http://terminology.hl7.org/CodeSystem/audit-entity-type",
          "1",
          "Person",
          false);
      coding(g, "role", "http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient", false);
      g.writeEndObject();
    }
    if (e.recordId() != null || e.caseId() != null) {
      g.writeStartObject();
      g.writeObjectFieldStart("what");
      identifier(
          g,
          e.recordId() != null ? "urn:casereview:record" : "urn:casereview:case",
          e.recordId() != null ? e.recordId() : e.caseId());
      g.writeEndObject();
      coding(
          g,
          "type",
          "http://terminology.hl7.org/CodeSystem/audit-entity-type",
          "2",
          "System Object",
          false);
      JsonNode fields = AuditJson.mapper().readTree(e.fields());
      Set<String> labels = new TreeSet<>();
      for (JsonNode f : fields) {
        if ("RELEASED".equals(f.path("outcome").asText())) {
          String code = hl7Sensitivity(f.path("category").asText());
          if (code != null) {
            labels.add(code);
          }
        }
      }
      if (!labels.isEmpty()) {
        g.writeArrayFieldStart("securityLabel");
        for (String l : labels) {
          g.writeStartObject();
          g.writeStringField("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode");
          g.writeStringField("code", l);
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      if (fields.size() > 0) {
        g.writeArrayFieldStart("detail");
        g.writeStartObject();
        g.writeStringField("type", "fields");
        g.writeStringField("valueString", e.fields());
        g.writeEndObject();
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static AuditEventType typeOf(String code) {
    try {
      return AuditEventType.fromCode(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String interaction(AuditEventType t) {
    if (t == null) {
      return "operation";
    }
    return switch (t) {
      case DISCLOSURE, REFUSAL -> "read";
      case RECORD_ADDED, CONSENT_GRANTED, REFERRAL_CREATED, CASE_OPENED, BREAK_GLASS_GRANTED ->
          "create";
      case CONSENT_REVOKED, MOU_CHANGED -> "update";
      case SUBJECT_SHREDDED -> "delete";
      default -> "operation";
    };
  }

  private static String action(String interaction) {
    return switch (interaction) {
      case "read" -> "R";
      case "create" -> "C";
      case "update" -> "U";
      case "delete" -> "D";
      default -> "E";
    };
  }

  private static String hl7Purpose(String purpose) {
    try {
      return Purpose.valueOf(purpose).hl7PurposeOfUse();
    } catch (IllegalArgumentException e) {
      return purpose;
    }
  }

  private static String hl7Sensitivity(String category) {
    try {
      return DataCategory.valueOf(category).hl7SensitivityCode();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void extension(JsonGenerator g, String name, String value) throws IOException {
    g.writeStartObject();
    g.writeStringField("url", EXT + name);
    g.writeStringField("valueString", value);
    g.writeEndObject();
  }

  private static void identifier(JsonGenerator g, String system, String value) throws IOException {
    g.writeObjectFieldStart("identifier");
    g.writeStringField("system", system);
    g.writeStringField("value", value);
    g.writeEndObject();
  }

  private static void coding(
      JsonGenerator g, String field, String system, String code, String display, boolean array)
      throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("system", system);
    g.writeStringField("code", code);
    g.writeStringField("display", display);
    g.writeEndObject();
  }
}
