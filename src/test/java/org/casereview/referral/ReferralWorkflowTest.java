package org.casereview.referral;

import static org.casereview.testing.Api.as;
import static org.casereview.testing.Api.createReferral;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casereview.testing.Api;
import org.junit.jupiter.api.Test;

/** Intake to case, every transition, and the ones that must be refused. */
@QuarkusTest
class ReferralWorkflowTest {

  static final String POLICE = "a0000000-0000-4000-8000-000000000002";
  static final String CHILD_WELFARE = "a0000000-0000-4000-8000-000000000004";
  static final String SCHOOL = "a0000000-0000-4000-8000-000000000006";
  static final String EASTSIDE_EXPIRED_MOU = "a0000000-0000-4000-8000-000000000010";

  static String marker() {
    return "CONFIDENTIAL-MARKER-" + UUID.randomUUID();
  }

  @Test
  void coordinator_walksReferralFromIntakeToAssignedCase() {
    String marker = marker();
    String id = createReferral("sam.counselor", marker);

    // In the queue, the coordinator sees the youth's name (IDENTITY for triage).
    as("cora.coordinator", "CASE_REVIEW")
        .queryParam("status", "RECEIVED")
        .queryParam("limit", 100)
        .get("/api/v1/referrals")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id))
        .body(
            "items.find { it.id == '" + id + "' }.fields['youth.legalName'].value",
            equalTo("Youth " + marker));

    // The triage receipt names the youth's registry id: the case must carry the same one.
    String subjectId =
        as("cora.coordinator")
            .body(Map.of("urgency", "IMMEDIATE", "note", "Seen twice this week " + marker))
            .post("/api/v1/referrals/{id}/triage", id)
            .then()
            .statusCode(200)
            .body("status", equalTo("TRIAGED"))
            .body("urgency", equalTo("IMMEDIATE"))
            .extract()
            .path("subjectId");

    String caseId =
        as("cora.coordinator")
            .body(
                Map.of(
                    "leadAgencyId",
                    CHILD_WELFARE,
                    "participatingAgencyIds",
                    List.of(POLICE, SCHOOL)))
            .post("/api/v1/referrals/{id}/case", id)
            .then()
            .statusCode(201)
            .body("caseNumber", containsString("MDT-"))
            .extract()
            .path("id");

    as("cora.coordinator", "CASE_REVIEW")
        .get("/api/v1/referrals/{id}", id)
        .then()
        .statusCode(200)
        .body("fields.status.value", equalTo("LINKED"))
        .body("fields.caseId.value", equalTo(caseId));

    // The lead agency lists and reads its case.
    as("wes.caseworker", "CASE_REVIEW")
        .queryParam("limit", 100)
        .get("/api/v1/cases")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(caseId));
    as("wes.caseworker", "CASE_REVIEW")
        .get("/api/v1/cases/{id}", caseId)
        .then()
        .statusCode(200)
        .body("fields.leadAgencyId.value", equalTo(CHILD_WELFARE))
        .body("fields.status.value", equalTo("OPEN"))
        .body("fields.referralIds.value", equalTo(id))
        .body("fields.subjectId.value", equalTo(subjectId))
        .body("fields.subjectId.category", equalTo("COORDINATION"));
  }

  @Test
  void agencyNotOnCase_cannotSeeTheCase_andGetsNotFound() {
    String id = createReferral("sam.counselor", marker());
    String caseId = openCase(id, CHILD_WELFARE, List.of(SCHOOL));
    as("pat.prosecutor", "CASE_REVIEW")
        .get("/api/v1/cases/{id}", caseId)
        .then()
        .statusCode(404)
        .body("code", equalTo("NOT_FOUND"));
    as("pat.prosecutor", "CASE_REVIEW")
        .queryParam("limit", 100)
        .get("/api/v1/cases")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(caseId)));
  }

  @Test
  void memberOfAnotherAgency_cannotReadReferral() {
    String id = createReferral("sam.counselor", marker());
    as("dana.detective", "CASE_REVIEW")
        .get("/api/v1/referrals/{id}", id)
        .then()
        .statusCode(404)
        .body("code", equalTo("NOT_FOUND"));
    as("sam.counselor", "CASE_REVIEW").get("/api/v1/referrals/{id}", id).then().statusCode(200);
  }

  @Test
  void memberList_showsOnlyOwnAgencysReferrals() {
    String mine = createReferral("dana.detective", marker());
    String theirs = createReferral("sam.counselor", marker());
    as("dana.detective", "CASE_REVIEW")
        .queryParam("limit", 100)
        .get("/api/v1/referrals")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(mine))
        .body("items.id", not(hasItem(theirs)));
  }

  @Test
  void onlyCoordinator_triagesOpensLinksAndDeclines() {
    String id = createReferral("sam.counselor", marker());
    as("sam.counselor")
        .body(Map.of("urgency", "ROUTINE"))
        .post("/api/v1/referrals/{id}/triage", id)
        .then()
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN"));
    as("sam.counselor")
        .body(Map.of("reason", "no"))
        .post("/api/v1/referrals/{id}/decline", id)
        .then()
        .statusCode(403);
    as("aldo.auditor")
        .body(Map.of())
        .post("/api/v1/referrals/{id}/case", id)
        .then()
        .statusCode(403);
    as("ada.admin").body(Api.referral(marker())).post("/api/v1/referrals").then().statusCode(403);
  }

  @Test
  void declinedReferral_cannotBeTriagedOrLinked_409() {
    String id = createReferral("sam.counselor", marker());
    as("cora.coordinator")
        .body(Map.of("reason", "Outside the task force's jurisdiction"))
        .post("/api/v1/referrals/{id}/decline", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("DECLINED"));
    as("cora.coordinator")
        .body(Map.of("urgency", "ROUTINE"))
        .post("/api/v1/referrals/{id}/triage", id)
        .then()
        .statusCode(409)
        .body("code", equalTo("ILLEGAL_TRANSITION"));
    as("cora.coordinator")
        .body(Map.of())
        .post("/api/v1/referrals/{id}/case", id)
        .then()
        .statusCode(409);
    as("sam.counselor")
        .body(Map.of())
        .post("/api/v1/referrals/{id}/withdraw", id)
        .then()
        .statusCode(409);
  }

  @Test
  void referringAgency_withdraws_othersCannot() {
    String id = createReferral("sam.counselor", marker());
    as("dana.detective")
        .body(Map.of())
        .post("/api/v1/referrals/{id}/withdraw", id)
        .then()
        .statusCode(404);
    as("sam.counselor")
        .body(Map.of("reason", "Filed twice"))
        .post("/api/v1/referrals/{id}/withdraw", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"));
    as("cora.coordinator")
        .body(Map.of("reason", "x"))
        .post("/api/v1/referrals/{id}/decline", id)
        .then()
        .statusCode(409);
  }

  @Test
  void secondReferral_linksToExistingCase() {
    String first = createReferral("sam.counselor", marker());
    String caseId = openCase(first, CHILD_WELFARE, List.of());
    String second = createReferral("dana.detective", marker());
    as("cora.coordinator")
        .body(Map.of("caseId", caseId))
        .post("/api/v1/referrals/{id}/link", second)
        .then()
        .statusCode(200)
        .body("status", equalTo("LINKED"));
    as("cora.coordinator", "CASE_REVIEW")
        .get("/api/v1/cases/{id}", caseId)
        .then()
        .body("fields.referralIds.value", containsString(second));
  }

  @Test
  void agencyWithExpiredMou_cannotRefer_norBeAssigned() {
    as("eli.eastside")
        .body(Api.referral(marker()))
        .post("/api/v1/referrals")
        .then()
        .statusCode(403)
        .body("code", equalTo("MOU_INACTIVE"));
    String id = createReferral("sam.counselor", marker());
    String caseId = openCase(id, CHILD_WELFARE, List.of());
    as("cora.coordinator")
        .body(
            Map.of(
                "leadAgencyId",
                CHILD_WELFARE,
                "participatingAgencyIds",
                List.of(EASTSIDE_EXPIRED_MOU)))
        .put("/api/v1/cases/{id}/agencies", caseId)
        .then()
        .statusCode(422)
        .body("code", equalTo("AGENCY_NOT_ELIGIBLE"))
        .body("errors[0].field", equalTo("participatingAgencyIds"));
  }

  @Test
  void idempotencyKey_replaysFirstResult_andRefusesAnotherBody() {
    String key = "intake-" + UUID.randomUUID();
    Map<String, Object> body = Api.referral(marker());
    String first =
        as("sam.counselor")
            .header("Idempotency-Key", key)
            .body(body)
            .post("/api/v1/referrals")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("sam.counselor")
        .header("Idempotency-Key", key)
        .body(body)
        .post("/api/v1/referrals")
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first));
    as("sam.counselor")
        .header("Idempotency-Key", key)
        .body(Api.referral(marker()))
        .post("/api/v1/referrals")
        .then()
        .statusCode(422)
        .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    // Another member may use the same key for their own referral.
    as("dana.detective")
        .header("Idempotency-Key", key)
        .body(body)
        .post("/api/v1/referrals")
        .then()
        .statusCode(201)
        .body("id", not(equalTo(first)));
  }

  @Test
  void concurrentRetries_withOneKey_createExactlyOneReferral() throws Exception {
    String key = "race-" + UUID.randomUUID();
    Map<String, Object> body = Api.referral(marker());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<io.restassured.response.Response>> calls =
          new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(
            pool.submit(
                () ->
                    as("sam.counselor")
                        .header("Idempotency-Key", key)
                        .body(body)
                        .post("/api/v1/referrals")));
      }
      java.util.Set<String> ids = new java.util.HashSet<>();
      int created = 0;
      for (var call : calls) {
        io.restassured.response.Response response = call.get();
        org.junit.jupiter.api.Assertions.assertTrue(
            response.statusCode() == 201 || response.statusCode() == 200,
            "status " + response.statusCode());
        created += response.statusCode() == 201 ? 1 : 0;
        ids.add(response.path("id"));
      }
      org.junit.jupiter.api.Assertions.assertEquals(1, created);
      org.junit.jupiter.api.Assertions.assertEquals(1, ids.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closedCase_refusesAssignment_andShowsOutcome() {
    String id = createReferral("sam.counselor", marker());
    String caseId = openCase(id, CHILD_WELFARE, List.of(SCHOOL));
    as("cora.coordinator")
        .body(Map.of("outcome", "SERVICES_COMPLETED", "note", "Stable placement"))
        .post("/api/v1/cases/{id}/close", caseId)
        .then()
        .statusCode(204);
    as("cora.coordinator")
        .body(Map.of("outcome", "OTHER"))
        .post("/api/v1/cases/{id}/close", caseId)
        .then()
        .statusCode(409);
    as("cora.coordinator")
        .body(Map.of("leadAgencyId", CHILD_WELFARE, "participatingAgencyIds", List.of()))
        .put("/api/v1/cases/{id}/agencies", caseId)
        .then()
        .statusCode(409);
    as("wes.caseworker", "CASE_REVIEW")
        .get("/api/v1/cases/{id}", caseId)
        .then()
        .statusCode(200)
        .body("fields.status.value", equalTo("CLOSED"))
        .body("fields.outcome.value", equalTo("SERVICES_COMPLETED"))
        .body("fields.closedAt.value", notNullValue());
  }

  @Test
  void queuePaging_walksEveryItemOnce_withoutTotals() {
    for (int i = 0; i < 3; i++) {
      createReferral("tara.tribal", marker());
    }
    String first =
        as("tara.tribal", "CASE_REVIEW")
            .queryParam("limit", 2)
            .get("/api/v1/referrals")
            .then()
            .statusCode(200)
            .body("total", nullValue())
            .extract()
            .path("nextCursor");
    as("tara.tribal", "CASE_REVIEW")
        .queryParam("limit", 2)
        .queryParam("cursor", first)
        .get("/api/v1/referrals")
        .then()
        .statusCode(200)
        .body("items.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
  }

  static String openCase(String referralId, String lead, List<String> participants) {
    return as("cora.coordinator")
        .body(Map.of("leadAgencyId", lead, "participatingAgencyIds", participants))
        .post("/api/v1/referrals/{id}/case", referralId)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
