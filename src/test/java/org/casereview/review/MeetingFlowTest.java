package org.casereview.review;

import static org.casereview.review.MeetingSupport.ADVOCATES;
import static org.casereview.review.MeetingSupport.CHILD_WELFARE;
import static org.casereview.review.MeetingSupport.DA;
import static org.casereview.review.MeetingSupport.EASTSIDE_EXPIRED_MOU;
import static org.casereview.review.MeetingSupport.HOSPITAL;
import static org.casereview.review.MeetingSupport.POLICE;
import static org.casereview.review.MeetingSupport.PROBATION;
import static org.casereview.review.MeetingSupport.SCHOOL;
import static org.casereview.review.MeetingSupport.acknowledge;
import static org.casereview.review.MeetingSupport.addToAgenda;
import static org.casereview.review.MeetingSupport.auditRowsForCase;
import static org.casereview.review.MeetingSupport.auditRowsForRequest;
import static org.casereview.review.MeetingSupport.checkIn;
import static org.casereview.review.MeetingSupport.circulate;
import static org.casereview.review.MeetingSupport.count;
import static org.casereview.review.MeetingSupport.firstCaseFields;
import static org.casereview.review.MeetingSupport.marker;
import static org.casereview.review.MeetingSupport.minute;
import static org.casereview.review.MeetingSupport.minuteText;
import static org.casereview.review.MeetingSupport.openCase;
import static org.casereview.review.MeetingSupport.schedule;
import static org.casereview.review.MeetingSupport.start;
import static org.casereview.review.MeetingSupport.view;
import static org.casereview.testing.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A whole review meeting through the API with members of seven agencies of six sectors: the
 * coordinator (CAC), police, prosecution, child welfare, hospital, school and a VAWA victim service
 * provider. Each attendee sees exactly what their agency may see; nobody sees anything before
 * acknowledging confidentiality; every view is one audit entry.
 */
@QuarkusTest
class MeetingFlowTest {

  static final List<String> ATTENDEES =
      List.of(
          "cora.coordinator",
          "dana.detective",
          "pat.prosecutor",
          "wes.caseworker",
          "nora.nurse",
          "sam.counselor",
          "ava.advocate");

  @Test
  void sixAgencyMeeting_eachAttendeeSeesOnlyWhatTheirAgencyMay_andEveryViewIsAudited() {
    String caseId = openCase(CHILD_WELFARE, List.of(POLICE, DA, HOSPITAL, SCHOOL, ADVOCATES));
    String meetingId =
        schedule(List.of(POLICE, DA, CHILD_WELFARE, HOSPITAL, SCHOOL, ADVOCATES), null);
    addToAgenda(meetingId, caseId);

    // Before circulation a member sees no agenda.
    as("dana.detective", "CASE_REVIEW")
        .get("/api/v1/meetings/{id}/agenda", meetingId)
        .then()
        .statusCode(200)
        .body("", empty());
    circulate(meetingId);
    as("dana.detective", "CASE_REVIEW")
        .get("/api/v1/meetings/{id}/agenda", meetingId)
        .then()
        .statusCode(200)
        .body("[0].caseId", equalTo(caseId))
        .body("[0].fields['case.status'].value", equalTo("OPEN"));

    ATTENDEES.forEach(u -> checkIn(u, meetingId));
    // The prosecutor acknowledges late: the rest acknowledge before the start.
    ATTENDEES.stream()
        .filter(u -> !u.equals("pat.prosecutor"))
        .forEach(u -> acknowledge(u, meetingId));
    start(meetingId)
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_PROGRESS"))
        .body("startFlags", empty());

    String leMarker = marker("LE");
    String vaMarker = marker("VA");
    String healthMarker = marker("HEALTH");
    String decisionMarker = marker("DECISION");
    minute(
        "dana.detective",
        meetingId,
        caseId,
        "DISCUSSION_NOTE",
        "LAW_ENFORCEMENT_SENSITIVE",
        leMarker);
    minute("ava.advocate", meetingId, caseId, "DISCUSSION_NOTE", "VICTIM_ADVOCACY", vaMarker);
    minute("nora.nurse", meetingId, caseId, "DISCUSSION_NOTE", "HEALTH", healthMarker);
    minute("cora.coordinator", meetingId, caseId, "DECISION", "COORDINATION", decisionMarker);

    // A case record (issue 4) by the hospital: HEALTH findings.
    String findings = marker("FINDINGS");
    as("nora.nurse")
        .body(
            Map.of(
                "type",
                "MEDICAL_EXAM",
                "values",
                Map.of("examDate", "2026-11-20", "findings", findings)))
        .post("/api/v1/cases/{id}/records", caseId)
        .then()
        .statusCode(201);

    // Acknowledgement gating: checked in, meeting running, but not acknowledged -> no content.
    String gated = UUID.randomUUID().toString();
    long refusalsBefore = auditRowsForCase(caseId, "R100");
    Response patBefore = view("pat.prosecutor", meetingId, gated);
    patBefore
        .then()
        .statusCode(200)
        .body("acknowledged", equalTo(false))
        .body("gate", equalTo("ACKNOWLEDGEMENT_REQUIRED"))
        .body("cases", empty());
    assertNoneOf(patBefore, leMarker, vaMarker, healthMarker, decisionMarker, caseId);
    assertEquals(
        1,
        count(
            "select count(*) from audit_entry where request_id = ? and event_code = 'R100'",
            gated));
    assertEquals(refusalsBefore + 1, auditRowsForCase(caseId, "R100"));
    acknowledge("pat.prosecutor", meetingId);

    // Who sees which minute, by the agency's sector and legal status.
    Map<String, Map<String, String>> expected =
        Map.of(
            "dana.detective",
                Map.of(
                    "LAW_ENFORCEMENT_SENSITIVE",
                    "DISCLOSED",
                    "VICTIM_ADVOCACY",
                    "WITHHELD",
                    "HEALTH",
                    "WITHHELD"),
            "pat.prosecutor",
                Map.of(
                    "LAW_ENFORCEMENT_SENSITIVE",
                    "DISCLOSED",
                    "VICTIM_ADVOCACY",
                    "WITHHELD",
                    "HEALTH",
                    "WITHHELD"),
            "wes.caseworker",
                Map.of(
                    "LAW_ENFORCEMENT_SENSITIVE",
                    "WITHHELD",
                    "VICTIM_ADVOCACY",
                    "WITHHELD",
                    "HEALTH",
                    "WITHHELD"),
            "nora.nurse",
                Map.of(
                    "LAW_ENFORCEMENT_SENSITIVE",
                    "WITHHELD",
                    "VICTIM_ADVOCACY",
                    "WITHHELD",
                    "HEALTH",
                    "DISCLOSED"),
            "sam.counselor",
                Map.of(
                    "LAW_ENFORCEMENT_SENSITIVE",
                    "WITHHELD",
                    "VICTIM_ADVOCACY",
                    "WITHHELD",
                    "HEALTH",
                    "WITHHELD"),
            "ava.advocate",
                Map.of(
                    "LAW_ENFORCEMENT_SENSITIVE",
                    "WITHHELD",
                    "VICTIM_ADVOCACY",
                    "DISCLOSED",
                    "HEALTH",
                    "WITHHELD"),
            "cora.coordinator",
                Map.of(
                    "LAW_ENFORCEMENT_SENSITIVE",
                    "WITHHELD",
                    "VICTIM_ADVOCACY",
                    "WITHHELD",
                    "HEALTH",
                    "WITHHELD"));
    Map<String, String> markers =
        Map.of(
            "LAW_ENFORCEMENT_SENSITIVE",
            leMarker,
            "VICTIM_ADVOCACY",
            vaMarker,
            "HEALTH",
            healthMarker);

    for (String user : ATTENDEES) {
      String requestId = UUID.randomUUID().toString();
      long disclosuresBefore = auditRowsForCase(caseId, "D100");
      Response response = view(user, meetingId, requestId);
      response.then().statusCode(200).body("acknowledged", equalTo(true));
      Map<String, Map<String, Object>> fields = firstCaseFields(response);
      String body = response.asString();
      for (Map.Entry<String, String> e : expected.get(user).entrySet()) {
        Map<String, Object> text = minuteText(fields, e.getKey());
        assertEquals(e.getValue(), text.get("status"), user + " / " + e.getKey());
        if (e.getValue().equals("WITHHELD")) {
          assertFalse(text.containsKey("value"), user + " got a withheld value");
          assertTrue(
              text.get("reason") != null && text.get("rule") != null, "withheld without reason");
          assertFalse(body.contains(markers.get(e.getKey())), user + " saw " + e.getKey());
        } else {
          assertEquals(markers.get(e.getKey()), text.get("value"));
        }
      }
      // Every agency on the case sees the coordination decision and the case number.
      assertEquals(decisionMarker, minuteText(fields, "COORDINATION").get("value"), user);
      assertEquals("DISCLOSED", fields.get("case.caseNumber").get("status"), user);
      // The hospital's record: listed for every agency on the case, findings for the hospital
      // only.
      List<Map<String, Object>> records = response.jsonPath().getList("cases[0].records");
      assertEquals(1, records.size(), user);
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> recordFields =
          (Map<String, Map<String, Object>>) records.get(0).get("fields");
      if (user.equals("nora.nurse")) {
        assertEquals(findings, recordFields.get("findings").get("value"));
      } else {
        assertEquals("WITHHELD", recordFields.get("findings").get("status"), user);
        assertFalse(body.contains(findings), user + " saw the exam findings");
      }
      // One audit entry for the agenda case and one for the record, nothing unlogged.
      assertEquals(2, auditRowsForRequest(requestId), user);
      assertEquals(disclosuresBefore + 2, auditRowsForCase(caseId, "D100"), user);
    }

    // The coordinator's preview: who cannot see what, without a single value.
    Response visibility = as("cora.coordinator").get("/api/v1/meetings/{id}/visibility", meetingId);
    visibility.then().statusCode(200).body("cases[0].caseId", equalTo(caseId));
    assertNoneOf(visibility, leMarker, vaMarker, healthMarker, decisionMarker, findings);
    List<String> visibleToAll = visibility.jsonPath().getList("cases[0].visibleToAll");
    assertTrue(visibleToAll.contains("case.caseNumber"));
    assertTrue(visibleToAll.stream().anyMatch(f -> f.startsWith("minutes[")));
    List<Map<String, Object>> rows = visibility.jsonPath().getList("cases[0].attendees");
    assertEquals(ATTENDEES.size(), rows.size());
    Map<String, Object> danaRow =
        rows.stream().filter(r -> POLICE.equals(r.get("agencyId"))).findFirst().orElseThrow();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> danaWithheld = (List<Map<String, Object>>) danaRow.get("withheld");
    Map<String, Object> va =
        danaWithheld.stream()
            .filter(w -> "VICTIM_ADVOCACY".equals(w.get("category")))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("police not shown as missing the advocate's note"));
    assertEquals("VAWA-DEFAULT", va.get("rule"));
    assertFalse(visibleToAll.contains(va.get("field")));
    assertTrue(
        danaWithheld.stream()
            .anyMatch(
                w ->
                    "HEALTH".equals(w.get("category"))
                        && ((String) w.get("field")).startsWith("records.")),
        "police not shown as missing the exam findings");
    assertTrue(
        danaWithheld.stream().noneMatch(w -> "LAW_ENFORCEMENT_SENSITIVE".equals(w.get("category"))),
        "police may see law-enforcement notes");
  }

  @Test
  void memberOfAgencyNotInvited_cannotSeeTheMeeting_404() {
    String caseId = openCase(CHILD_WELFARE, List.of(SCHOOL));
    String meetingId = schedule(List.of(CHILD_WELFARE, SCHOOL), null);
    addToAgenda(meetingId, caseId);
    circulate(meetingId);
    // The meeting list follows the invitation: listed for invited agencies and the coordinator
    // only.
    as("sam.counselor")
        .queryParam("limit", 100)
        .get("/api/v1/meetings")
        .then()
        .statusCode(200)
        .body("id", hasItem(meetingId));
    as("cora.coordinator")
        .queryParam("limit", 100)
        .get("/api/v1/meetings")
        .then()
        .statusCode(200)
        .body("id", hasItem(meetingId));
    as("theo.therapist")
        .queryParam("limit", 100)
        .get("/api/v1/meetings")
        .then()
        .statusCode(200)
        .body("id", not(hasItem(meetingId)));
    as("theo.therapist").post("/api/v1/meetings/{id}/attendance", meetingId).then().statusCode(404);
    as("theo.therapist", "CASE_REVIEW")
        .get("/api/v1/meetings/{id}/view", meetingId)
        .then()
        .statusCode(404)
        .body("code", equalTo("NOT_FOUND"));
  }

  @Test
  void memberNotCheckedIn_seesNoCaseContent_andTheRefusalIsLogged() {
    String caseId = openCase(CHILD_WELFARE, List.of(SCHOOL));
    String meetingId = schedule(List.of(CHILD_WELFARE, SCHOOL), 1);
    addToAgenda(meetingId, caseId);
    circulate(meetingId);
    checkIn("wes.caseworker", meetingId);
    acknowledge("wes.caseworker", meetingId);
    start(meetingId).then().statusCode(200);
    String requestId = UUID.randomUUID().toString();
    view("sam.counselor", meetingId, requestId)
        .then()
        .statusCode(200)
        .body("gate", equalTo("CHECK_IN_REQUIRED"))
        .body("cases", empty());
    assertEquals(1, auditRowsForRequest(requestId));
  }

  @Test
  void acknowledgingBeforeCheckingIn_orAnotherStatementVersion_isRefused() {
    String caseId = openCase(CHILD_WELFARE, List.of(SCHOOL));
    String meetingId = schedule(List.of(CHILD_WELFARE, SCHOOL), null);
    addToAgenda(meetingId, caseId);
    circulate(meetingId);
    as("sam.counselor")
        .body(Map.of("statementVersion", ConfidentialityStatement.VERSION))
        .post("/api/v1/meetings/{id}/acknowledgement", meetingId)
        .then()
        .statusCode(422)
        .body("code", equalTo("RULE_VIOLATION"));
    checkIn("sam.counselor", meetingId);
    as("sam.counselor")
        .body(Map.of("statementVersion", "OLD-1"))
        .post("/api/v1/meetings/{id}/acknowledgement", meetingId)
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"));
  }

  @Test
  void meetingView_isForCaseReviewOnly() {
    String caseId = openCase(CHILD_WELFARE, List.of(SCHOOL));
    String meetingId = schedule(List.of(CHILD_WELFARE, SCHOOL), null);
    addToAgenda(meetingId, caseId);
    as("wes.caseworker", "INVESTIGATION")
        .get("/api/v1/meetings/{id}/view", meetingId)
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"));
    as("wes.caseworker")
        .get("/api/v1/meetings/{id}/view", meetingId)
        .then()
        .statusCode(400)
        .body("code", equalTo("PURPOSE_REQUIRED"));
  }

  @Test
  void agenda_refusesCaseThatAnInvitedAgencyDoesNotTakePartIn() {
    String caseId = openCase(CHILD_WELFARE, List.of(SCHOOL));
    String meetingId = schedule(List.of(CHILD_WELFARE, SCHOOL, PROBATION), null);
    as("cora.coordinator")
        .body(Map.of("caseIds", List.of(caseId)))
        .post("/api/v1/meetings/{id}/agenda", meetingId)
        .then()
        .statusCode(422)
        .body("code", equalTo("RULE_VIOLATION"))
        .body("errors[0].field", equalTo("caseIds"));
    as("cora.coordinator")
        .post("/api/v1/meetings/{id}/circulate", meetingId)
        .then()
        .statusCode(422)
        .body("code", equalTo("RULE_VIOLATION"));
  }

  @Test
  void meetingStartedWithoutQuorum_andWithAnAgencyWithoutMou_isFlagged_andThatAgencySeesNothing() {
    String caseId = openCase(CHILD_WELFARE, List.of(SCHOOL));
    String meetingId = schedule(List.of(CHILD_WELFARE, SCHOOL, EASTSIDE_EXPIRED_MOU), 4);
    addToAgenda(meetingId, caseId);
    circulate(meetingId);
    checkIn("wes.caseworker", meetingId);
    checkIn("eli.eastside", meetingId);
    acknowledge("eli.eastside", meetingId);
    start(meetingId)
        .then()
        .statusCode(200)
        .body("startFlags", containsInAnyOrder("NO_QUORUM", "AGENCY_WITHOUT_ACTIVE_MOU"));
    Response eli = view("eli.eastside", meetingId, UUID.randomUUID().toString());
    eli.then()
        .statusCode(200)
        .body("acknowledged", equalTo(true))
        .body("cases[0].caseId", equalTo(null));
    Map<String, Map<String, Object>> fields = firstCaseFields(eli);
    assertFalse(fields.isEmpty());
    fields.forEach(
        (name, f) -> {
          assertEquals("WITHHELD", f.get("status"), name);
          assertEquals("MOU-INACTIVE", f.get("rule"), name);
        });
    // Starting twice is an illegal transition.
    start(meetingId).then().statusCode(409).body("code", equalTo("ILLEGAL_TRANSITION"));
  }

  @Test
  void onlyTheCoordinator_schedulesStartsAndPreviews() {
    as("dana.detective")
        .body(Map.of("scheduledAt", "2026-12-01T10:00:00Z", "invitedAgencyIds", List.of(POLICE)))
        .post("/api/v1/meetings")
        .then()
        .statusCode(403);
    String meetingId = schedule(List.of(POLICE), null);
    as("dana.detective").post("/api/v1/meetings/{id}/start", meetingId).then().statusCode(403);
    as("dana.detective").get("/api/v1/meetings/{id}/visibility", meetingId).then().statusCode(403);
    as("aldo.auditor", "CASE_REVIEW")
        .get("/api/v1/meetings/{id}/view", meetingId)
        .then()
        .statusCode(403);
  }

  private static void assertNoneOf(Response response, String... secrets) {
    String body = response.asString();
    List<String> leaked =
        java.util.Arrays.stream(secrets).filter(body::contains).collect(Collectors.toList());
    assertTrue(leaked.isEmpty(), "leaked " + leaked.size() + " value(s)");
  }
}
