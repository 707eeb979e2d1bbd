package org.casereview.review;

import static org.casereview.testing.Api.as;
import static org.casereview.testing.Api.createReferral;

import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casereview.testing.PostgresResource;

/** Demo agencies, and the steps of a meeting as the API takes them. */
final class MeetingSupport {

  static final String CAC = "a0000000-0000-4000-8000-000000000001";
  static final String POLICE = "a0000000-0000-4000-8000-000000000002";
  static final String DA = "a0000000-0000-4000-8000-000000000003";
  static final String CHILD_WELFARE = "a0000000-0000-4000-8000-000000000004";
  static final String HOSPITAL = "a0000000-0000-4000-8000-000000000005";
  static final String SCHOOL = "a0000000-0000-4000-8000-000000000006";
  static final String ADVOCATES = "a0000000-0000-4000-8000-000000000007";
  static final String PROBATION = "a0000000-0000-4000-8000-000000000008";
  static final String PART2_PROGRAM = "a0000000-0000-4000-8000-000000000009";
  static final String EASTSIDE_EXPIRED_MOU = "a0000000-0000-4000-8000-000000000010";

  private MeetingSupport() {}

  static String marker(String what) {
    return what + "-MARKER-" + UUID.randomUUID();
  }

  /** A case referred by the school, led by child welfare, with the given participants. */
  static String openCase(String lead, List<String> participants) {
    String referral = createReferral("sam.counselor", marker("YOUTH"));
    return as("cora.coordinator")
        .body(Map.of("leadAgencyId", lead, "participatingAgencyIds", participants))
        .post("/api/v1/referrals/{id}/case", referral)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String schedule(List<String> invited, Integer quorum) {
    Map<String, Object> body =
        quorum == null
            ? Map.of(
                "scheduledAt",
                Instant.now().plus(1, ChronoUnit.HOURS).toString(),
                "invitedAgencyIds",
                invited)
            : Map.of(
                "scheduledAt",
                Instant.now().plus(1, ChronoUnit.HOURS).toString(),
                "invitedAgencyIds",
                invited,
                "quorumAgencies",
                quorum);
    return as("cora.coordinator")
        .body(body)
        .post("/api/v1/meetings")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static void addToAgenda(String meetingId, String caseId) {
    as("cora.coordinator")
        .body(Map.of("caseIds", List.of(caseId)))
        .post("/api/v1/meetings/{id}/agenda", meetingId)
        .then()
        .statusCode(200);
  }

  static void circulate(String meetingId) {
    as("cora.coordinator")
        .post("/api/v1/meetings/{id}/circulate", meetingId)
        .then()
        .statusCode(200);
  }

  static void checkIn(String user, String meetingId) {
    as(user).post("/api/v1/meetings/{id}/attendance", meetingId).then().statusCode(200);
  }

  static void acknowledge(String user, String meetingId) {
    as(user)
        .body(Map.of("statementVersion", ConfidentialityStatement.VERSION))
        .post("/api/v1/meetings/{id}/acknowledgement", meetingId)
        .then()
        .statusCode(200);
  }

  static Response start(String meetingId) {
    return as("cora.coordinator").post("/api/v1/meetings/{id}/start", meetingId);
  }

  static String minute(
      String user, String meetingId, String caseId, String kind, String category, String text) {
    return as(user)
        .body(Map.of("kind", kind, "category", category, "text", text))
        .post("/api/v1/meetings/{id}/cases/{caseId}/minutes", meetingId, caseId)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** The meeting view of one user, under a fresh request id. */
  static Response view(String user, String meetingId, String requestId) {
    return as(user, "CASE_REVIEW")
        .header("X-Request-Id", requestId)
        .get("/api/v1/meetings/{id}/view", meetingId);
  }

  /** The fields of the first agenda case of a meeting view. */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> firstCaseFields(Response view) {
    List<Map<String, Object>> cases = view.jsonPath().getList("cases");
    return (Map<String, Map<String, Object>>) cases.get(0).get("fields");
  }

  /** The field holding the minute text of the given category (there is one per category). */
  static Map<String, Object> minuteText(Map<String, Map<String, Object>> fields, String category) {
    return fields.entrySet().stream()
        .filter(e -> e.getKey().startsWith("minutes[") && e.getKey().endsWith("].text"))
        .filter(e -> category.equals(e.getValue().get("category")))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + category + " minute in the view"));
  }

  /** Audit entries as a curious DBA counts them: by request id, or by case and event code. */
  static long auditRowsForRequest(String requestId) {
    return count("select count(*) from audit_entry where request_id = ?", requestId);
  }

  static long auditRowsForCase(String caseId, String eventCode) {
    return count(
        "select count(*) from audit_entry where case_id = ?::uuid and event_code = ?",
        caseId,
        eventCode);
  }

  static long count(String sql, String... params) {
    try (Connection c = PostgresResource.database().superuserConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
