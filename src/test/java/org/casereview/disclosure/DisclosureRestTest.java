package org.casereview.disclosure;

import static org.casereview.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.casereview.testing.AuditRows;
import org.casereview.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The read path end to end over HTTP: what each agency sees of one youth's case, field by field,
 * how consent, revocation and break-glass change it on the very next read, and the leak paths
 * (lists, counts, paging, single reads) that must reveal nothing withheld.
 */
@QuarkusTest
class DisclosureRestTest {

  @Test
  void school_seesHealthWithheldWithReason_thenDisclosedWithConsent_thenWithheldAfterRevocation() {
    Scenario s = Scenario.withAllAgencies();
    String exam =
        s.addRecord(
            "nora.nurse",
            "MEDICAL_EXAM",
            Map.of("examDate", "2026-11-01", "findings", "Findings " + s.marker));

    as("sam.counselor", "CASE_REVIEW")
        .get("/api/v1/cases/{c}/records/{r}", s.caseId, exam)
        .then()
        .statusCode(200)
        .body("fields.findings.status", equalTo("WITHHELD"))
        .body("fields.findings.category", equalTo("HEALTH"))
        .body("fields.findings.hl7SensitivityCode", equalTo("SDV"))
        .body("fields.findings.value", nullValue())
        .body("fields.findings.reason", not(emptyOrNullString()))
        .body("fields.findings.remedy", not(emptyOrNullString()))
        .body(not(containsString(s.marker)));

    String consent =
        s.recordConsent(
            Scenario.consent(List.of("HEALTH"), List.of(Scenario.SCHOOL), List.of("CASE_REVIEW")));
    as("sam.counselor", "CASE_REVIEW")
        .get("/api/v1/cases/{c}/records/{r}", s.caseId, exam)
        .then()
        .statusCode(200)
        .body("fields.findings.status", equalTo("DISCLOSED"))
        .body("fields.findings.value", equalTo("Findings " + s.marker));

    // The consent is for case review: another purpose is not covered.
    as("sam.counselor", "SAFETY_PLANNING")
        .get("/api/v1/cases/{c}/records/{r}", s.caseId, exam)
        .then()
        .body("fields.findings.status", equalTo("WITHHELD"));

    as("cora.coordinator")
        .body(Map.of("reasonCode", "GUARDIAN_WITHDREW"))
        .post("/api/v1/consents/{id}/revoke", consent)
        .then()
        .statusCode(204);
    as("sam.counselor", "CASE_REVIEW")
        .get("/api/v1/cases/{c}/records/{r}", s.caseId, exam)
        .then()
        .statusCode(200)
        .body("fields.findings.status", equalTo("WITHHELD"))
        .body(not(containsString(s.marker)));

    as("cora.coordinator", "CASE_REVIEW")
        .get("/api/v1/subjects/{id}/consents", s.subjectId)
        .then()
        .statusCode(200)
        .body("find { it.id == '" + consent + "' }.status", equalTo("REVOKED"));
  }

  @Test
  void expiredConsent_isNoLongerHonoured_onTheNextRead() throws Exception {
    Scenario s = Scenario.withAllAgencies();
    String exam =
        s.addRecord("nora.nurse", "MEDICAL_EXAM", Map.of("findings", "Findings " + s.marker));
    Map<String, Object> shortLived =
        new java.util.HashMap<>(
            Scenario.consent(List.of("HEALTH"), List.of(Scenario.SCHOOL), List.of("CASE_REVIEW")));
    java.time.Instant until = java.time.Instant.now().plusSeconds(3);
    shortLived.put("validUntil", until.toString());
    s.recordConsent(shortLived);
    as("sam.counselor", "CASE_REVIEW")
        .get("/api/v1/cases/{c}/records/{r}", s.caseId, exam)
        .then()
        .body("fields.findings.status", equalTo("DISCLOSED"));
    // Not a timing assertion: wait until the consent's own end of validity has passed.
    while (!java.time.Instant.now().isAfter(until.plusMillis(200))) {
      Thread.sleep(200);
    }
    as("sam.counselor", "CASE_REVIEW")
        .get("/api/v1/cases/{c}/records/{r}", s.caseId, exam)
        .then()
        .body("fields.findings.status", equalTo("WITHHELD"))
        .body(not(containsString(s.marker)));
    as("cora.coordinator", "CASE_REVIEW")
        .get("/api/v1/subjects/{id}/consents", s.subjectId)
        .then()
        .body("status", hasItem("EXPIRED"));
  }

  @Test
  void authoringAgency_alwaysSeesItsOwnRecord() {
    Scenario s = Scenario.withAllAgencies();
    String note =
        s.addRecord("ava.advocate", "ADVOCACY_NOTE", Map.of("notes", "Advocacy " + s.marker));
    as("ava.advocate", "CASE_REVIEW")
        .get("/api/v1/cases/{c}/records/{r}", s.caseId, note)
        .then()
        .statusCode(200)
        .body("fields.notes.value", equalTo("Advocacy " + s.marker));
  }

  @Test
  void substanceUseRecord_isNeitherListedNorCountedNorReadable_byLawEnforcement_evenWithConsent() {
    Scenario s = Scenario.withAllAgencies();
    String visible = s.addRecord("nora.nurse", "MEDICAL_EXAM", Map.of("examDate", "2026-11-02"));
    String part2 =
        s.addRecord(
            "theo.therapist",
            "SUBSTANCE_USE_TREATMENT",
            Map.of("programStatus", "Enrolled " + s.marker));
    // The youth's written consent names the police, even for investigation (42 CFR 2.14: the
    // minor consents); the criminal-use bar (42 CFR 2.12(d)) still withholds the record.
    Map<String, Object> consent =
        new java.util.HashMap<>(
            Scenario.consent(
                List.of("SUBSTANCE_USE"),
                List.of(Scenario.POLICE),
                List.of("INVESTIGATION", "PROSECUTION")));
    consent.put("grantors", List.of(Map.of("kind", "YOUTH", "suspectedAbuser", false)));
    s.recordConsent(consent);

    as("dana.detective", "CASE_REVIEW")
        .queryParam("limit", 100)
        .get("/api/v1/cases/{c}/records", s.caseId)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(visible))
        .body("items.id", not(hasItem(part2)));
    for (String purpose : List.of("INVESTIGATION", "PROSECUTION", "CASE_REVIEW")) {
      as("dana.detective", purpose)
          .queryParam("limit", 100)
          .get("/api/v1/cases/{c}/records", s.caseId)
          .then()
          .statusCode(200)
          .body("items.id", not(hasItem(part2)))
          .body(not(containsString("SUBSTANCE_USE")))
          .body(not(containsString(s.marker)));
      as("dana.detective", purpose)
          .get("/api/v1/cases/{c}/records/{r}", s.caseId, part2)
          .then()
          .statusCode(404)
          .body(not(containsString("SUBSTANCE_USE")));
    }
    // A treating hospital named in the youth's written consent sees it, with the 42 CFR 2.32
    // notice prohibiting redisclosure attached to the value.
    Map<String, Object> treatment =
        new java.util.HashMap<>(
            Scenario.consent(
                List.of("SUBSTANCE_USE"), List.of(Scenario.HOSPITAL), List.of("TREATMENT")));
    treatment.put("grantors", List.of(Map.of("kind", "YOUTH", "suspectedAbuser", false)));
    s.recordConsent(treatment);
    as("nora.nurse", "TREATMENT")
        .get("/api/v1/cases/{c}/records/{r}", s.caseId, part2)
        .then()
        .statusCode(200)
        .body("fields.programStatus.status", equalTo("DISCLOSED"))
        .body("fields.programStatus.obligations", hasItem("PART2_REDISCLOSURE_NOTICE"))
        .body("fields.programStatus.notice", containsString("42 CFR part 2"));
    // The program itself sees it.
    as("theo.therapist", "TREATMENT")
        .get("/api/v1/cases/{c}/records/{r}", s.caseId, part2)
        .then()
        .statusCode(200)
        .body("fields.programStatus.status", equalTo("DISCLOSED"));
  }

  @Test
  void pagingOverHiddenRecords_revealsNothing_pagesFollowScannedRows() {
    Scenario s = Scenario.withAllAgencies();
    for (int i = 0; i < 3; i++) {
      s.addRecord(
          "theo.therapist",
          "PSYCHOTHERAPY_NOTE",
          Map.of("sessionNotes", "Session " + i + s.marker));
    }
    String visible = s.addRecord("sam.counselor", "SCHOOL_RECORD", Map.of("attendance", "92%"));
    Response page =
        as("dana.detective", "CASE_REVIEW")
            .queryParam("limit", 2)
            .get("/api/v1/cases/{c}/records", s.caseId);
    page.then()
        .statusCode(200)
        .body("total", nullValue())
        .body(not(containsString("PSYCHOTHERAPY")));
    // Walk all pages: only the school record ever appears.
    String cursor = page.path("nextCursor");
    List<String> seen = new java.util.ArrayList<>(page.path("items.id"));
    while (cursor != null) {
      Response next =
          as("dana.detective", "CASE_REVIEW")
              .queryParam("limit", 2)
              .queryParam("cursor", cursor)
              .get("/api/v1/cases/{c}/records", s.caseId);
      next.then().statusCode(200).body(not(containsString("PSYCHOTHERAPY")));
      seen.addAll(next.path("items.id"));
      cursor = next.path("nextCursor");
    }
    assertEquals(List.of(visible), seen);
  }

  @Test
  void generalHealthConsent_neverOpensPsychotherapyNotes() {
    Scenario s = Scenario.withAllAgencies();
    String note =
        s.addRecord(
            "theo.therapist", "PSYCHOTHERAPY_NOTE", Map.of("sessionNotes", "Session " + s.marker));
    s.recordConsent(
        Scenario.consent(
            List.of("HEALTH", "MENTAL_HEALTH"),
            List.of(Scenario.HOSPITAL),
            List.of("CASE_REVIEW", "TREATMENT")));
    as("nora.nurse", "TREATMENT")
        .get("/api/v1/cases/{c}/records/{r}", s.caseId, note)
        .then()
        .statusCode(404)
        .body(not(containsString(s.marker)));
  }

  @Test
  void consentsTheLawWouldRefuse_areRefusedNamingTheRule() {
    Scenario s = Scenario.withAllAgencies();
    Map<String, Object> part2BySectorOnly =
        new java.util.HashMap<>(
            Scenario.consent(List.of("SUBSTANCE_USE"), List.of(), List.of("TREATMENT")));
    part2BySectorOnly.put("recipientSectors", List.of("HEALTH_CARE"));
    as("cora.coordinator")
        .body(part2BySectorOnly)
        .post("/api/v1/subjects/{id}/consents", s.subjectId)
        .then()
        .statusCode(422)
        .body("code", equalTo("RULE_VIOLATION"))
        .body("errors.field", notNullValue());

    Map<String, Object> noExpiry =
        new java.util.HashMap<>(
            Scenario.consent(
                List.of("VICTIM_ADVOCACY"), List.of(Scenario.HOSPITAL), List.of("CASE_REVIEW")));
    noExpiry.remove("validUntil");
    as("cora.coordinator")
        .body(noExpiry)
        .post("/api/v1/subjects/{id}/consents", s.subjectId)
        .then()
        .statusCode(422)
        .body("code", equalTo("RULE_VIOLATION"));

    Map<String, Object> folded =
        new java.util.HashMap<>(
            Scenario.consent(
                List.of("PSYCHOTHERAPY_NOTES", "HEALTH"),
                List.of(Scenario.HOSPITAL),
                List.of("TREATMENT")));
    folded.put("namesPsychotherapyNotes", true);
    as("cora.coordinator")
        .body(folded)
        .post("/api/v1/subjects/{id}/consents", s.subjectId)
        .then()
        .statusCode(422)
        .body("code", equalTo("RULE_VIOLATION"));

    Map<String, Object> byAbuser =
        new java.util.HashMap<>(
            Scenario.consent(List.of("HEALTH"), List.of(Scenario.SCHOOL), List.of("CASE_REVIEW")));
    byAbuser.put(
        "grantors", List.of(Map.of("kind", "PARENT_OR_GUARDIAN", "suspectedAbuser", true)));
    as("cora.coordinator")
        .body(byAbuser)
        .post("/api/v1/subjects/{id}/consents", s.subjectId)
        .then()
        .statusCode(422)
        .body("code", equalTo("RULE_VIOLATION"));
  }

  @Test
  void breakGlass_opensSafetyLocationForEmergency_notAdvocacy_andIsFlaggedAndNotified() {
    Scenario s = Scenario.withAllAgencies();
    String plan =
        s.addRecord(
            "wes.caseworker",
            "SAFETY_PLAN",
            Map.of("placementAddress", "Shelter " + s.marker, "contactPhone", "555-0100"));
    String advocacy =
        s.addRecord("ava.advocate", "ADVOCACY_NOTE", Map.of("notes", "Advocacy " + s.marker));

    as("dana.detective", "EMERGENCY")
        .get("/api/v1/cases/{c}/records/{r}", s.caseId, plan)
        .then()
        .statusCode(200)
        .body("fields.placementAddress.status", equalTo("WITHHELD"));

    String grant =
        as("dana.detective")
            .body(Map.of("justification", "Youth reported missing with a known trafficker tonight"))
            .post("/api/v1/cases/{c}/break-glass", s.caseId)
            .then()
            .statusCode(201)
            .body("validUntil", notNullValue())
            .extract()
            .path("grantId");

    // The claimant sees the grant in force (for the client's emergency banner); others do not.
    as("dana.detective")
        .get("/api/v1/break-glass/mine")
        .then()
        .statusCode(200)
        .body("grantId", hasItem(grant))
        .body(not(containsString("justification")))
        .body(not(containsString("trafficker")));
    as("wes.caseworker")
        .get("/api/v1/break-glass/mine")
        .then()
        .statusCode(200)
        .body("grantId", not(hasItem(grant)));
    as("aldo.auditor").get("/api/v1/break-glass/mine").then().statusCode(403);

    Response read =
        as("dana.detective", "EMERGENCY").get("/api/v1/cases/{c}/records/{r}", s.caseId, plan);
    read.then()
        .statusCode(200)
        .body("fields.placementAddress.status", equalTo("DISCLOSED"))
        .body("fields.placementAddress.value", equalTo("Shelter " + s.marker));
    List<AuditRows.Row> rows = AuditRows.forRequest(read.header("X-Request-Id"));
    assertEquals(1, rows.size());
    assertTrue(rows.get(0).breakGlass(), "the emergency read is flagged in the audit log");

    as("dana.detective", "EMERGENCY")
        .get("/api/v1/cases/{c}/records/{r}", s.caseId, advocacy)
        .then()
        .statusCode(404)
        .body(not(containsString(s.marker)));
    // Without stating the emergency purpose, the grant opens nothing.
    as("dana.detective", "CASE_REVIEW")
        .get("/api/v1/cases/{c}/records/{r}", s.caseId, plan)
        .then()
        .body("fields.placementAddress.status", equalTo("WITHHELD"));

    as("cora.coordinator")
        .get("/api/v1/notifications")
        .then()
        .statusCode(200)
        .body("grantId", hasItem(grant));
    as("aldo.auditor")
        .get("/api/v1/notifications")
        .then()
        .statusCode(200)
        .body("grantId", hasItem(grant));
    as("sam.counselor").get("/api/v1/notifications").then().statusCode(403);
  }

  @Test
  void recordTypes_nameEachFieldWithItsCategory_forMembersOnly() {
    as("sam.counselor")
        .get("/api/v1/record-types")
        .then()
        .statusCode(200)
        .body("find { it.type == 'MEDICAL_EXAM' }.existenceCategory", equalTo("COORDINATION"))
        .body(
            "find { it.type == 'MEDICAL_EXAM' }.fields.find { it.name == 'findings' }.category",
            equalTo("HEALTH"))
        .body(
            "find { it.type == 'SUBSTANCE_USE_TREATMENT' }.existenceCategory",
            equalTo("SUBSTANCE_USE"))
        .body("find { it.type == 'FREE_FORM' }.freeForm", equalTo(true));
    as("aldo.auditor").get("/api/v1/record-types").then().statusCode(403);
  }

  @Test
  void everyRead_writesExactlyOneAuditEntry_withoutValues() {
    Scenario s = Scenario.withAllAgencies();
    String exam =
        s.addRecord("nora.nurse", "MEDICAL_EXAM", Map.of("findings", "Findings " + s.marker));
    for (String user :
        List.of("sam.counselor", "nora.nurse", "dana.detective", "cora.coordinator")) {
      Response r = as(user, "CASE_REVIEW").get("/api/v1/cases/{c}/records/{r}", s.caseId, exam);
      r.then().statusCode(200);
      List<AuditRows.Row> rows = AuditRows.forRequest(r.header("X-Request-Id"));
      assertEquals(1, rows.size(), user);
      assertFalse(rows.get(0).fields().contains(s.marker), "no value in the audit entry");
      assertTrue(rows.get(0).fields().contains("findings"), "the field is named");
    }
  }

  @Test
  void auditorAndAdmin_seeNoCaseContent() {
    Scenario s = Scenario.withAllAgencies();
    as("aldo.auditor", "AUDIT").get("/api/v1/cases/{c}", s.caseId).then().statusCode(403);
    as("ada.admin", "CASE_REVIEW")
        .get("/api/v1/referrals/{r}", s.referralId)
        .then()
        .statusCode(403);
    as("aldo.auditor", "AUDIT").get("/api/v1/referrals").then().statusCode(403);
  }

  @Test
  void untrainedMember_seesEverythingWithheld_withTheTrainingRule() {
    Scenario s = Scenario.withAllAgencies();
    as("uma.untrained", "CASE_REVIEW")
        .get("/api/v1/cases/{c}", s.caseId)
        .then()
        .statusCode(200)
        .body("fields.values().status", everyItem(equalTo("WITHHELD")))
        .body(not(containsString(s.marker)));
  }

  @Test
  void coordinatorPreview_explainsWhatAnAgencyWouldSee_withoutValues() {
    Scenario s = Scenario.withAllAgencies();
    s.addRecord("nora.nurse", "MEDICAL_EXAM", Map.of("findings", "Findings " + s.marker));
    Response preview =
        as("cora.coordinator")
            .queryParam("agencyId", Scenario.SCHOOL)
            .queryParam("purpose", "CASE_REVIEW")
            .get("/api/v1/cases/{c}/preview", s.caseId);
    preview
        .then()
        .statusCode(200)
        .body(not(containsString(s.marker)))
        .body("find { it.field.endsWith('.findings') }.outcome", equalTo("WITHHOLD"))
        .body("find { it.field.endsWith('.findings') }.remedy", not(emptyOrNullString()))
        .body("find { it.field == 'youth.legalName' }.outcome", equalTo("PERMIT"));
    as("sam.counselor")
        .queryParam("agencyId", Scenario.SCHOOL)
        .queryParam("purpose", "CASE_REVIEW")
        .get("/api/v1/cases/{c}/preview", s.caseId)
        .then()
        .statusCode(403);
  }
}
