package org.casereview.policy;

/**
 * The purpose of use stated on every read. A consent or rule given for one purpose does not cover
 * another. The nearest HL7 v3 PurposeOfUse code is given for exchange with health systems (FHIR
 * AuditEvent.purposeOfEvent).
 */
public enum Purpose {
  CASE_REVIEW("COC"),
  SERVICE_COORDINATION("CAREMGT"),
  SAFETY_PLANNING("COC"),
  INVESTIGATION("HLEGAL"),
  PROSECUTION("HLEGAL"),
  TREATMENT("TREAT"),
  EMERGENCY("ETREAT"),
  AUDIT("HOPERAT");

  private final String hl7PurposeOfUse;

  Purpose(String hl7PurposeOfUse) {
    this.hl7PurposeOfUse = hl7PurposeOfUse;
  }

  public String hl7PurposeOfUse() {
    return hl7PurposeOfUse;
  }
}
