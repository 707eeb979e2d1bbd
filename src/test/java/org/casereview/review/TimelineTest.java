package org.casereview.review;

import static org.casereview.review.MeetingSupport.CHILD_WELFARE;
import static org.casereview.review.MeetingSupport.HOSPITAL;
import static org.casereview.review.MeetingSupport.POLICE;
import static org.casereview.review.MeetingSupport.SCHOOL;
import static org.casereview.review.MeetingSupport.acknowledge;
import static org.casereview.review.MeetingSupport.addToAgenda;
import static org.casereview.review.MeetingSupport.auditRowsForRequest;
import static org.casereview.review.MeetingSupport.checkIn;
import static org.casereview.review.MeetingSupport.circulate;
import static org.casereview.review.MeetingSupport.marker;
import static org.casereview.review.MeetingSupport.minute;
import static org.casereview.review.MeetingSupport.openCase;
import static org.casereview.review.MeetingSupport.schedule;
import static org.casereview.review.MeetingSupport.start;
import static org.casereview.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The case timeline: every kind of event, in time order, filtered by the policy, one audit entry.
 */
@QuarkusTest
class TimelineTest {

  @SuppressWarnings("unchecked")
  static List<Map<String, Map<String, Object>>> events(Response r) {
    List<Map<String, Object>> events = r.jsonPath().getList("events");
    List<Map<String, Map<String, Object>>> out = new ArrayList<>();
    events.forEach(e -> out.add((Map<String, Map<String, Object>>) e.get("fields")));
    return out;
  }

  @Test
  void timeline_listsEventsInOrder_andWithholdsWhatTheViewerMayNotSee() {
    String caseId = openCase(CHILD_WELFARE, List.of(POLICE, SCHOOL, HOSPITAL));
    String meetingId = schedule(List.of(CHILD_WELFARE, POLICE, SCHOOL, HOSPITAL), 1);
    addToAgenda(meetingId, caseId);
    circulate(meetingId);
    for (String u : List.of("cora.coordinator", "dana.detective")) {
      checkIn(u, meetingId);
      acknowledge(u, meetingId);
    }
    start(meetingId).then().statusCode(200);
    String lawEnforcement = marker("LE-DECISION");
    String coordination = marker("DECISION");
    minute(
        "dana.detective",
        meetingId,
        caseId,
        "DECISION",
        "LAW_ENFORCEMENT_SENSITIVE",
        lawEnforcement);
    minute("cora.coordinator", meetingId, caseId, "RECOMMENDATION", "COORDINATION", coordination);
    String needId =
        as("wes.caseworker")
            .body(Map.of("kind", "HOUSING_EMERGENCY"))
            .post("/api/v1/cases/{id}/care-plan/needs", caseId)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("wes.caseworker")
        .body(Map.of("needId", needId, "providerAgencyId", HOSPITAL))
        .post("/api/v1/cases/{id}/care-plan/service-referrals", caseId)
        .then()
        .statusCode(201);
    String shelter = marker("SHELTER");
    as("wes.caseworker")
        .body(
            Map.of(
                "kind", "EMERGENCY", "namedAgencyIds", List.of(CHILD_WELFARE), "location", shelter))
        .post("/api/v1/cases/{id}/care-plan/safety-plans", caseId)
        .then()
        .statusCode(201);

    as("nora.nurse")
        .body(Map.of("type", "MEDICAL_EXAM", "values", Map.of("examDate", "2026-11-20")))
        .post("/api/v1/cases/{id}/records", caseId)
        .then()
        .statusCode(201);
    // A mental health assessment: its very existence is MENTAL_HEALTH, hidden from the school.
    String assessment =
        as("nora.nurse")
            .body(
                Map.of(
                    "type",
                    "MENTAL_HEALTH_ASSESSMENT",
                    "values",
                    Map.of("assessment", marker("ASSESSMENT"))))
            .post("/api/v1/cases/{id}/records", caseId)
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    String requestId = UUID.randomUUID().toString();
    Response school =
        as("sam.counselor", "CASE_REVIEW")
            .header("X-Request-Id", requestId)
            .get("/api/v1/cases/{id}/timeline", caseId);
    school.then().statusCode(200);
    List<Map<String, Map<String, Object>>> events = events(school);
    List<String> types = events.stream().map(e -> (String) e.get("type").get("value")).toList();
    for (String expected :
        List.of(
            "REFERRAL_RECEIVED",
            "CASE_OPENED",
            "CASE_REVIEW",
            "DECISION",
            "RECOMMENDATION",
            "NEED_IDENTIFIED",
            "SERVICE_SENT",
            "SAFETY_PLAN_RECORDED",
            "MEDICAL_EXAM")) {
      assertTrue(types.contains(expected), "missing " + expected + " in " + types);
    }
    List<String> times = events.stream().map(e -> (String) e.get("at").get("value")).toList();
    List<String> sorted = new ArrayList<>(times);
    sorted.sort(java.util.Comparator.comparing(java.time.Instant::parse));
    assertEquals(sorted, times, "events out of time order");

    Map<String, Map<String, Object>> decision =
        events.stream()
            .filter(e -> "DECISION".equals(e.get("type").get("value")))
            .findFirst()
            .orElseThrow();
    assertEquals("WITHHELD", decision.get("text").get("status"));
    assertEquals("LAW_ENFORCEMENT_SENSITIVE", decision.get("text").get("category"));
    Map<String, Map<String, Object>> recommendation =
        events.stream()
            .filter(e -> "RECOMMENDATION".equals(e.get("type").get("value")))
            .findFirst()
            .orElseThrow();
    assertEquals(coordination, recommendation.get("text").get("value"));
    assertFalse(school.asString().contains(lawEnforcement));
    assertFalse(school.asString().contains(shelter), "safety plan details in the timeline");
    assertFalse(types.contains("MENTAL_HEALTH_ASSESSMENT"), "a hidden record on the timeline");
    assertFalse(school.asString().contains(assessment), "a hidden record's id on the timeline");
    // The timeline itself, the medical exam, and the refusal of the hidden record: three entries.
    assertEquals(3, auditRowsForRequest(requestId));

    // The police see their own decision.
    Response police =
        as("dana.detective", "CASE_REVIEW").get("/api/v1/cases/{id}/timeline", caseId);
    assertTrue(police.asString().contains(lawEnforcement));
    Response hospital = as("nora.nurse", "CASE_REVIEW").get("/api/v1/cases/{id}/timeline", caseId);
    assertTrue(
        events(hospital).stream()
            .anyMatch(e -> "MENTAL_HEALTH_ASSESSMENT".equals(e.get("type").get("value"))),
        "the author does not see its own record on the timeline");
  }

  @Test
  void agencyNotOnCase_getsNotFound() {
    String caseId = openCase(CHILD_WELFARE, List.of(SCHOOL));
    as("owen.probation", "CASE_REVIEW")
        .get("/api/v1/cases/{id}/timeline", caseId)
        .then()
        .statusCode(404)
        .body("code", equalTo("NOT_FOUND"));
  }
}
