package org.casereview.careplan;

import static org.casereview.testing.Api.as;
import static org.casereview.testing.Api.createReferral;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Needs and the closed loop of service referrals; safety plans and who may see their details. */
@QuarkusTest
class CarePlanTest {

  static final String POLICE = "a0000000-0000-4000-8000-000000000002";
  static final String CHILD_WELFARE = "a0000000-0000-4000-8000-000000000004";
  static final String HOSPITAL = "a0000000-0000-4000-8000-000000000005";
  static final String SCHOOL = "a0000000-0000-4000-8000-000000000006";
  static final String ADVOCATES = "a0000000-0000-4000-8000-000000000007";
  static final String PROBATION = "a0000000-0000-4000-8000-000000000008";
  static final String EASTSIDE_EXPIRED_MOU = "a0000000-0000-4000-8000-000000000010";

  static String marker(String what) {
    return what + "-MARKER-" + UUID.randomUUID();
  }

  static String openCase() {
    String referral = createReferral("sam.counselor", marker("YOUTH"));
    return as("cora.coordinator")
        .body(
            Map.of(
                "leadAgencyId",
                CHILD_WELFARE,
                "participatingAgencyIds",
                List.of(POLICE, HOSPITAL, SCHOOL, ADVOCATES)))
        .post("/api/v1/referrals/{id}/case", referral)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String need(String caseId, String kind) {
    return as("wes.caseworker")
        .body(Map.of("kind", kind, "note", "Note " + marker("NEED")))
        .post("/api/v1/cases/{id}/care-plan/needs", caseId)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String refer(String caseId, String needId, String provider) {
    return as("wes.caseworker")
        .body(Map.of("needId", needId, "providerAgencyId", provider))
        .post("/api/v1/cases/{id}/care-plan/service-referrals", caseId)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static Response move(String user, String id, String status, String reason) {
    return as(user)
        .body(
            reason == null ? Map.of("status", status) : Map.of("status", status, "reason", reason))
        .post("/api/v1/service-referrals/{id}/status", id);
  }

  @Test
  void serviceReferral_walksTheLoopToCompleted_andShowsInTheCarePlan() {
    String caseId = openCase();
    String needId = need(caseId, "MEDICAL_CARE");
    String id = refer(caseId, needId, HOSPITAL);
    move("nora.nurse", id, "ACCEPTED", null).then().statusCode(204);
    move("nora.nurse", id, "IN_SERVICE", null).then().statusCode(204);
    move("nora.nurse", id, "COMPLETED", null).then().statusCode(204);
    move("nora.nurse", id, "IN_SERVICE", null)
        .then()
        .statusCode(409)
        .body("code", equalTo("ILLEGAL_TRANSITION"));
    as("wes.caseworker", "SERVICE_COORDINATION")
        .get("/api/v1/cases/{id}/care-plan", caseId)
        .then()
        .statusCode(200)
        .body("fields['needs[0].kind'].value", equalTo("MEDICAL_CARE"))
        .body("fields['services[0].status'].value", equalTo("COMPLETED"))
        .body("fields['services[0].providerAgencyId'].value", equalTo(HOSPITAL));
  }

  /** Every pair outside the state machine is refused with 409 (and the status is unchanged). */
  @ParameterizedTest(name = "{0} -> {1} refused")
  @CsvSource(
      textBlock =
          """
          SENT,               IN_SERVICE
          SENT,               COMPLETED
          SENT,               SENT
          ACCEPTED,           COMPLETED
          ACCEPTED,           SENT
          COULD_NOT_CONTACT,  COMPLETED
          COULD_NOT_CONTACT,  IN_SERVICE
          DECLINED,           ACCEPTED
          DECLINED,           SENT
          """)
  void illegalTransition_isRefusedWith409(String from, String to) {
    String caseId = openCase();
    String id = refer(caseId, need(caseId, "HOUSING_EMERGENCY"), HOSPITAL);
    switch (from) {
      case "ACCEPTED" -> move("nora.nurse", id, "ACCEPTED", null).then().statusCode(204);
      case "COULD_NOT_CONTACT" ->
          move("nora.nurse", id, "COULD_NOT_CONTACT", null).then().statusCode(204);
      case "DECLINED" -> move("nora.nurse", id, "DECLINED", "No capacity").then().statusCode(204);
      default -> {}
    }
    move("nora.nurse", id, to, "r")
        .then()
        .statusCode(409)
        .body("code", equalTo("ILLEGAL_TRANSITION"));
    as("wes.caseworker", "SERVICE_COORDINATION")
        .get("/api/v1/cases/{id}/care-plan", caseId)
        .then()
        .body("fields['services[0].status'].value", equalTo(from));
  }

  @Test
  void decline_needsAReason_couldNotContact_canBeResent_andOnlyProviderOrCoordinatorMoves() {
    String caseId = openCase();
    String id = refer(caseId, need(caseId, "MENTAL_HEALTH_CARE"), HOSPITAL);
    move("dana.detective", id, "ACCEPTED", null).then().statusCode(404);
    move("nora.nurse", id, "DECLINED", null)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    move("nora.nurse", id, "COULD_NOT_CONTACT", "Phone disconnected").then().statusCode(204);
    move("cora.coordinator", id, "SENT", null).then().statusCode(204);
    String reason = marker("DECLINE");
    move("nora.nurse", id, "DECLINED", reason).then().statusCode(204);
    as("nora.nurse", "SERVICE_COORDINATION")
        .get("/api/v1/cases/{id}/care-plan", caseId)
        .then()
        .body("fields['services[0].status'].value", equalTo("DECLINED"))
        .body("fields['services[0].reason'].value", equalTo(reason));
  }

  @Test
  void openLoops_listReferralsNotYetCompletedOrDeclined_forTheProviderAndTheCoordinator() {
    String caseId = openCase();
    String open = refer(caseId, need(caseId, "INTERPRETATION"), HOSPITAL);
    move("nora.nurse", open, "COULD_NOT_CONTACT", "No answer").then().statusCode(204);
    String closed = refer(caseId, need(caseId, "FOOD"), HOSPITAL);
    move("nora.nurse", closed, "DECLINED", "Out of area").then().statusCode(204);
    for (String user : List.of("nora.nurse", "cora.coordinator")) {
      Response r =
          as(user, "SERVICE_COORDINATION")
              .queryParam("limit", 100)
              .get("/api/v1/service-referrals");
      r.then().statusCode(200);
      List<String> ids = r.jsonPath().getList("items.id");
      assertTrue(ids.contains(open), user + " does not see the open loop");
      assertFalse(ids.contains(closed), user + " sees a closed loop");
    }
    as("sam.counselor", "SERVICE_COORDINATION")
        .queryParam("limit", 100)
        .get("/api/v1/service-referrals")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(open)));
  }

  @Test
  void providerNotOnCase_orWithoutMou_cannotReceiveAReferral() {
    String caseId = openCase();
    String needId = need(caseId, "TRANSPORTATION");
    for (String provider : List.of(PROBATION, EASTSIDE_EXPIRED_MOU)) {
      as("wes.caseworker")
          .body(Map.of("needId", needId, "providerAgencyId", provider))
          .post("/api/v1/cases/{id}/care-plan/service-referrals", caseId)
          .then()
          .statusCode(422)
          .body("code", equalTo("AGENCY_NOT_ELIGIBLE"));
    }
  }

  static String safetyPlan(String caseId, String kind, List<String> named, String location) {
    return as("ava.advocate")
        .body(
            Map.of(
                "kind", kind,
                "namedAgencyIds", named,
                "location", location,
                "contacts", "Phone " + location,
                "measures", "Measures " + location))
        .post("/api/v1/cases/{id}/care-plan/safety-plans", caseId)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void safetyPlanLocation_isSeenOnlyByNamedAgencies_andANewPlanReplacesWhoIsNamed() {
    String caseId = openCase();
    String location = marker("SHELTER");
    safetyPlan(caseId, "EMERGENCY", List.of(CHILD_WELFARE, ADVOCATES), location);

    as("wes.caseworker", "SAFETY_PLANNING")
        .get("/api/v1/cases/{id}/care-plan", caseId)
        .then()
        .statusCode(200)
        .body("fields['safetyPlans.EMERGENCY.location'].value", equalTo(location))
        .body("fields['safetyPlans.EMERGENCY.location'].category", equalTo("SAFETY_LOCATION"));
    for (String user : List.of("dana.detective", "sam.counselor", "nora.nurse")) {
      Response r = as(user, "SAFETY_PLANNING").get("/api/v1/cases/{id}/care-plan", caseId);
      r.then()
          .statusCode(200)
          .body("fields['safetyPlans.EMERGENCY.location'].status", equalTo("WITHHELD"))
          .body("fields['safetyPlans.EMERGENCY.location'].rule", equalTo("SAFETY-DEFAULT"))
          .body("fields['safetyPlans.EMERGENCY.contacts'].status", equalTo("WITHHELD"))
          .body("fields['safetyPlans.EMERGENCY.kind'].value", equalTo("EMERGENCY"));
      assertFalse(r.asString().contains(location), user + " saw the location");
    }

    String moved = marker("NEW-SHELTER");
    safetyPlan(caseId, "EMERGENCY", List.of(POLICE), moved);
    as("dana.detective", "SAFETY_PLANNING")
        .get("/api/v1/cases/{id}/care-plan", caseId)
        .then()
        .body("fields['safetyPlans.EMERGENCY.location'].value", equalTo(moved));
    Response wes =
        as("wes.caseworker", "SAFETY_PLANNING").get("/api/v1/cases/{id}/care-plan", caseId);
    wes.then().body("fields['safetyPlans.EMERGENCY.location'].status", equalTo("WITHHELD"));
    assertFalse(wes.asString().contains(moved));
    assertFalse(wes.asString().contains(location), "a superseded plan still shown");
  }

  @Test
  void safetyPlan_cannotNameAnAgencyWithoutMou() {
    String caseId = openCase();
    as("ava.advocate")
        .body(
            Map.of(
                "kind",
                "LONG_TERM",
                "namedAgencyIds",
                List.of(EASTSIDE_EXPIRED_MOU),
                "location",
                "x"))
        .post("/api/v1/cases/{id}/care-plan/safety-plans", caseId)
        .then()
        .statusCode(422)
        .body("code", equalTo("AGENCY_NOT_ELIGIBLE"));
    as("owen.probation")
        .body(Map.of("kind", "LONG_TERM", "namedAgencyIds", List.of(POLICE), "location", "x"))
        .post("/api/v1/cases/{id}/care-plan/safety-plans", caseId)
        .then()
        .statusCode(404);
  }

  @Test
  void unknownNeedKind_isABadRequestNamingTheChoices() {
    String caseId = openCase();
    as("wes.caseworker")
        .body(Map.of("kind", "YACHT"))
        .post("/api/v1/cases/{id}/care-plan/needs", caseId)
        .then()
        .statusCode(400)
        .body("code", equalTo("WRONG_TYPE"));
  }
}
