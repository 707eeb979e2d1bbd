package org.casereview.review;

import static org.casereview.review.MeetingSupport.CHILD_WELFARE;
import static org.casereview.review.MeetingSupport.POLICE;
import static org.casereview.review.MeetingSupport.PROBATION;
import static org.casereview.review.MeetingSupport.SCHOOL;
import static org.casereview.review.MeetingSupport.acknowledge;
import static org.casereview.review.MeetingSupport.addToAgenda;
import static org.casereview.review.MeetingSupport.auditRowsForRequest;
import static org.casereview.review.MeetingSupport.checkIn;
import static org.casereview.review.MeetingSupport.circulate;
import static org.casereview.review.MeetingSupport.count;
import static org.casereview.review.MeetingSupport.firstCaseFields;
import static org.casereview.review.MeetingSupport.marker;
import static org.casereview.review.MeetingSupport.minute;
import static org.casereview.review.MeetingSupport.openCase;
import static org.casereview.review.MeetingSupport.schedule;
import static org.casereview.review.MeetingSupport.start;
import static org.casereview.review.MeetingSupport.view;
import static org.casereview.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casereview.testing.PostgresResource;
import org.junit.jupiter.api.Test;

/** Minutes, decisions and the next review date; action items from assignment to done or dropped. */
@QuarkusTest
class MinutesAndActionItemsTest {

  record Meeting(String caseId, String meetingId) {}

  /** A running meeting on one case (child welfare leads; police and school take part). */
  static Meeting running() {
    String caseId = openCase(CHILD_WELFARE, List.of(POLICE, SCHOOL));
    String meetingId = schedule(List.of(CHILD_WELFARE, POLICE, SCHOOL), 1);
    addToAgenda(meetingId, caseId);
    circulate(meetingId);
    for (String u :
        List.of("cora.coordinator", "dana.detective", "sam.counselor", "wes.caseworker")) {
      checkIn(u, meetingId);
      acknowledge(u, meetingId);
    }
    start(meetingId).then().statusCode(200);
    return new Meeting(caseId, meetingId);
  }

  @Test
  void minuteText_isCiphertextAtRest_andLabelledWithItsCategory() throws Exception {
    Meeting m = running();
    String secret = marker("MINUTE");
    String id =
        minute(
            "wes.caseworker", m.meetingId(), m.caseId(), "RECOMMENDATION", "CHILD_WELFARE", secret);
    try (Connection c = PostgresResource.database().superuserConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select text_sealed, category, kind from meeting_minute where id = ?::uuid")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        byte[] sealed = rs.getBytes(1);
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains(secret));
        assertEquals("CHILD_WELFARE", rs.getString(2));
        assertEquals("RECOMMENDATION", rs.getString(3));
      }
    }
    // Child welfare information goes to police (CAPTA) but not to the school.
    Map<String, Map<String, Object>> police =
        firstCaseFields(view("dana.detective", m.meetingId(), UUID.randomUUID().toString()));
    assertEquals(secret, MeetingSupport.minuteText(police, "CHILD_WELFARE").get("value"));
    Response school = view("sam.counselor", m.meetingId(), UUID.randomUUID().toString());
    assertEquals(
        "WITHHELD",
        MeetingSupport.minuteText(firstCaseFields(school), "CHILD_WELFARE").get("status"));
    assertFalse(school.asString().contains(secret));
  }

  @Test
  void minutes_needAnAcknowledgedAttendee_andARunningMeeting() {
    Meeting m = running();
    // Checked in (school is invited) but not acknowledged: refused.
    checkIn("uma.untrained", m.meetingId());
    as("uma.untrained")
        .body(Map.of("kind", "DECISION", "category", "COORDINATION", "text", "x"))
        .post("/api/v1/meetings/{id}/cases/{caseId}/minutes", m.meetingId(), m.caseId())
        .then()
        .statusCode(422)
        .body("code", equalTo("RULE_VIOLATION"));
    // Probation is not invited: the meeting does not exist for it.
    as("owen.probation")
        .body(Map.of("kind", "DECISION", "category", "COORDINATION", "text", "x"))
        .post("/api/v1/meetings/{id}/cases/{caseId}/minutes", m.meetingId(), m.caseId())
        .then()
        .statusCode(404);
    as("cora.coordinator")
        .post("/api/v1/meetings/{id}/close", m.meetingId())
        .then()
        .statusCode(200);
    as("wes.caseworker")
        .body(Map.of("kind", "DECISION", "category", "COORDINATION", "text", "late"))
        .post("/api/v1/meetings/{id}/cases/{caseId}/minutes", m.meetingId(), m.caseId())
        .then()
        .statusCode(409)
        .body("code", equalTo("ILLEGAL_TRANSITION"));
  }

  @Test
  void nextReviewDate_isShownInTheMeetingView() {
    Meeting m = running();
    as("cora.coordinator")
        .body(Map.of("nextReviewOn", "2027-01-15"))
        .put("/api/v1/meetings/{id}/cases/{caseId}/next-review", m.meetingId(), m.caseId())
        .then()
        .statusCode(204);
    Map<String, Map<String, Object>> fields =
        firstCaseFields(view("sam.counselor", m.meetingId(), UUID.randomUUID().toString()));
    assertEquals("2027-01-15", fields.get("review.nextReviewOn").get("value"));
    as("sam.counselor")
        .body(Map.of("nextReviewOn", "2027-01-15"))
        .put("/api/v1/meetings/{id}/cases/{caseId}/next-review", m.meetingId(), m.caseId())
        .then()
        .statusCode(403);
  }

  static String actionItem(Meeting m, String agency, String member, LocalDate due, String text) {
    Map<String, Object> body =
        member == null
            ? Map.of(
                "ownerAgencyId",
                agency,
                "dueOn",
                due.toString(),
                "reportBackMeetingId",
                m.meetingId(),
                "description",
                text)
            : Map.of(
                "ownerAgencyId",
                agency,
                "ownerMemberId",
                member,
                "dueOn",
                due.toString(),
                "reportBackMeetingId",
                m.meetingId(),
                "description",
                text);
    return as("cora.coordinator")
        .body(body)
        .post("/api/v1/meetings/{id}/cases/{caseId}/action-items", m.meetingId(), m.caseId())
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void actionItems_ownerAgencyListsItsOpenItems_coordinatorSeesOverdue_andTransitionsAreEnforced() {
    Meeting m = running();
    String danaMember = "b0000000-0000-4000-8000-000000000002";
    String policeText = marker("POLICE-TASK");
    String schoolText = marker("SCHOOL-TASK");
    String overdue = actionItem(m, POLICE, null, LocalDate.now().minusDays(2), policeText);
    String later = actionItem(m, SCHOOL, null, LocalDate.now().plusDays(30), schoolText);

    String requestId = UUID.randomUUID().toString();
    Response police =
        as("dana.detective", "CASE_REVIEW")
            .header("X-Request-Id", requestId)
            .queryParam("limit", 100)
            .get("/api/v1/action-items");
    police
        .then()
        .statusCode(200)
        .body("items.id", hasItem(overdue))
        .body("items.id", not(hasItem(later)))
        .body("items.find { it.id == '" + overdue + "' }.fields.status.value", equalTo("OVERDUE"))
        .body(
            "items.find { it.id == '" + overdue + "' }.fields.description.value",
            equalTo(policeText));
    assertFalse(police.asString().contains(schoolText));
    // One audit entry per item shown.
    assertEquals(police.jsonPath().getList("items").size(), auditRowsForRequest(requestId));

    as("sam.counselor", "CASE_REVIEW")
        .queryParam("limit", 100)
        .get("/api/v1/action-items")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(later))
        .body("items.id", not(hasItem(overdue)));

    as("cora.coordinator", "CASE_REVIEW")
        .queryParam("scope", "OVERDUE")
        .queryParam("limit", 100)
        .get("/api/v1/action-items")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(overdue))
        .body("items.id", not(hasItem(later)));
    as("dana.detective", "CASE_REVIEW")
        .queryParam("scope", "OVERDUE")
        .get("/api/v1/action-items")
        .then()
        .statusCode(403);

    // Another agency cannot close the police task; the owner can, once.
    as("sam.counselor").post("/api/v1/action-items/{id}/done", overdue).then().statusCode(404);
    as("dana.detective").post("/api/v1/action-items/{id}/done", overdue).then().statusCode(204);
    as("dana.detective")
        .post("/api/v1/action-items/{id}/done", overdue)
        .then()
        .statusCode(409)
        .body("code", equalTo("ILLEGAL_TRANSITION"));
    as("dana.detective")
        .body(Map.of("reason", "x"))
        .post("/api/v1/action-items/{id}/drop", overdue)
        .then()
        .statusCode(409);

    // Dropping needs a reason; the reason is shown to the owner afterwards.
    as("sam.counselor")
        .body(Map.of())
        .post("/api/v1/action-items/{id}/drop", later)
        .then()
        .statusCode(400);
    String reason = marker("DROP");
    as("sam.counselor")
        .body(Map.of("reason", reason))
        .post("/api/v1/action-items/{id}/drop", later)
        .then()
        .statusCode(204);
    as("sam.counselor", "CASE_REVIEW")
        .get("/api/v1/action-items/{id}", later)
        .then()
        .statusCode(200)
        .body("fields.status.value", equalTo("DROPPED"))
        .body("fields.dropReason.value", equalTo(reason));
    as("sam.counselor", "CASE_REVIEW")
        .queryParam("limit", 100)
        .get("/api/v1/action-items")
        .then()
        .body("items.id", not(hasItem(later)));

    // The owner member must belong to the owner agency; the owner agency must be on the case.
    as("cora.coordinator")
        .body(
            Map.of(
                "ownerAgencyId",
                SCHOOL,
                "ownerMemberId",
                danaMember,
                "dueOn",
                "2027-01-01",
                "description",
                "x"))
        .post("/api/v1/meetings/{id}/cases/{caseId}/action-items", m.meetingId(), m.caseId())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("ownerMemberId"));
    as("cora.coordinator")
        .body(Map.of("ownerAgencyId", PROBATION, "dueOn", "2027-01-01", "description", "x"))
        .post("/api/v1/meetings/{id}/cases/{caseId}/action-items", m.meetingId(), m.caseId())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("ownerAgencyId"));
    // Action items discussed at the meeting appear in its view.
    Map<String, Map<String, Object>> fields =
        firstCaseFields(view("dana.detective", m.meetingId(), UUID.randomUUID().toString()));
    assertEquals(
        1L,
        fields.keySet().stream()
            .filter(k -> k.endsWith(".description") && k.startsWith("actionItems["))
            .filter(k -> policeText.equals(fields.get(k).get("value")))
            .count());
    assertEquals(
        0,
        count(
            "select count(*) from action_item"
                + " where position(convert_to(?, 'UTF8') in description_sealed) > 0",
            policeText));
  }
}
