package org.casereview.policy;

/**
 * The legal category of a field. Every confidential field carries exactly one; the category decides
 * who may see it (docs/policy-matrix.md). The HL7 v3 ActCode sensitivity code is given where one
 * exists, so labels can be exchanged with health systems (DS4P, FHIR security labels).
 */
public enum DataCategory {
  COORDINATION(null),
  IDENTITY(null),
  SAFETY_LOCATION(null),
  HEALTH("SDV"),
  PSYCHOTHERAPY_NOTES("PSYTHPN"),
  MENTAL_HEALTH("PSY"),
  SUBSTANCE_USE("ETH"),
  EDUCATION(null),
  CHILD_WELFARE(null),
  JUVENILE_JUSTICE(null),
  LAW_ENFORCEMENT_SENSITIVE(null),
  VICTIM_ADVOCACY(null),
  IMMIGRATION(null);

  private final String hl7SensitivityCode;

  DataCategory(String hl7SensitivityCode) {
    this.hl7SensitivityCode = hl7SensitivityCode;
  }

  /** The HL7 v3 ActCode sensitivity code, or null where HL7 defines none. */
  public String hl7SensitivityCode() {
    return hl7SensitivityCode;
  }
}
