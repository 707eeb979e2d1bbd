package org.casereview.casefile;

import java.util.List;
import org.casereview.policy.DataCategory;

/**
 * The kinds of case record agencies add, each with its fields and their one data category. The
 * existence category is what even the presence of such a record reveals (that a youth is in a
 * substance-use program is itself a Part 2 disclosure): a caller who may not see that category does
 * not learn that the record exists, in lists or counts.
 */
public enum RecordType {
  FORENSIC_INTERVIEW_SUMMARY(
      DataCategory.COORDINATION,
      field("interviewDate", DataCategory.COORDINATION),
      field("summary", DataCategory.CHILD_WELFARE),
      field("disclosures", DataCategory.LAW_ENFORCEMENT_SENSITIVE)),
  MEDICAL_EXAM(
      DataCategory.COORDINATION,
      field("examDate", DataCategory.COORDINATION),
      field("findings", DataCategory.HEALTH),
      field("testResults", DataCategory.HEALTH),
      field("followUp", DataCategory.HEALTH)),
  MENTAL_HEALTH_ASSESSMENT(
      DataCategory.MENTAL_HEALTH,
      field("assessment", DataCategory.MENTAL_HEALTH),
      field("diagnosis", DataCategory.MENTAL_HEALTH),
      field("treatmentPlan", DataCategory.MENTAL_HEALTH)),
  PSYCHOTHERAPY_NOTE(
      DataCategory.PSYCHOTHERAPY_NOTES, field("sessionNotes", DataCategory.PSYCHOTHERAPY_NOTES)),
  SUBSTANCE_USE_TREATMENT(
      DataCategory.SUBSTANCE_USE,
      field("programStatus", DataCategory.SUBSTANCE_USE),
      field("treatmentNotes", DataCategory.SUBSTANCE_USE)),
  SCHOOL_RECORD(
      DataCategory.COORDINATION,
      field("attendance", DataCategory.EDUCATION),
      field("grades", DataCategory.EDUCATION),
      field("discipline", DataCategory.EDUCATION),
      field("iep", DataCategory.EDUCATION)),
  CHILD_WELFARE_FINDING(
      DataCategory.COORDINATION,
      field("finding", DataCategory.CHILD_WELFARE),
      field("placementType", DataCategory.CHILD_WELFARE)),
  PROBATION_STATUS(
      DataCategory.COORDINATION,
      field("status", DataCategory.JUVENILE_JUSTICE),
      field("nextCourtDate", DataCategory.JUVENILE_JUSTICE)),
  INVESTIGATIVE_NOTE(
      DataCategory.LAW_ENFORCEMENT_SENSITIVE,
      field("notes", DataCategory.LAW_ENFORCEMENT_SENSITIVE),
      field("suspects", DataCategory.LAW_ENFORCEMENT_SENSITIVE)),
  ADVOCACY_NOTE(
      DataCategory.VICTIM_ADVOCACY,
      field("notes", DataCategory.VICTIM_ADVOCACY),
      field("servicesProvided", DataCategory.VICTIM_ADVOCACY)),
  IMMIGRATION_MATTER(
      DataCategory.IMMIGRATION,
      field("status", DataCategory.IMMIGRATION),
      field("reliefSought", DataCategory.IMMIGRATION)),
  SAFETY_PLAN(
      DataCategory.COORDINATION,
      field("placementAddress", DataCategory.SAFETY_LOCATION),
      field("contactPhone", DataCategory.SAFETY_LOCATION),
      field("planDetails", DataCategory.SAFETY_LOCATION)),
  /** The author names each field and picks its category; the record shows as coordination. */
  FREE_FORM(DataCategory.COORDINATION);

  /** One field of a record type. */
  public record FieldSpec(String name, DataCategory category) {}

  private final DataCategory existenceCategory;
  private final List<FieldSpec> fields;

  RecordType(DataCategory existenceCategory, FieldSpec... fields) {
    this.existenceCategory = existenceCategory;
    this.fields = List.of(fields);
  }

  private static FieldSpec field(String name, DataCategory category) {
    return new FieldSpec(name, category);
  }

  public DataCategory existenceCategory() {
    return existenceCategory;
  }

  /** The fixed fields of this type; empty for FREE_FORM. */
  public List<FieldSpec> fields() {
    return fields;
  }

  public boolean freeForm() {
    return this == FREE_FORM;
  }
}
