package org.casereview.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casereview.testing.KeycloakResource;
import org.casereview.testing.RealLogin;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's workflow end to end against the packaged service and the real Keycloak, with
 * tokens from the browser client's PKCE login: a school refers a youth, the coordinator triages,
 * opens a case and assigns agencies, the lead agency reads it, an agency not on the case cannot; an
 * administrator onboards a member through Keycloak and offboards another, whose still-valid token
 * is refused at once.
 */
@QuarkusIntegrationTest
@WithTestResource(KeycloakResource.class)
class IntakeToAssignmentIT {

  static final String CHILD_WELFARE = "a0000000-0000-4000-8000-000000000004";
  static final String POLICE = "a0000000-0000-4000-8000-000000000002";
  static final String SCHOOL = "a0000000-0000-4000-8000-000000000006";

  private final RealLogin login = RealLogin.demoRealm();

  private RequestSpecification as(String username) {
    return given()
        .auth()
        .oauth2(login.accessToken(username))
        .contentType(ContentType.JSON)
        .header("X-Purpose-Of-Use", "CASE_REVIEW");
  }

  @Test
  void coordinatorTakesAReferralFromIntakeToAnAssignedCase() {
    String marker = "CONFIDENTIAL-MARKER-" + UUID.randomUUID();
    Map<String, Object> referral =
        Map.of(
            "youth",
            Map.of("legalName", "Youth " + marker, "dateOfBirth", "2010-04-17"),
            "indicators",
            List.of("SCHOOL_ABSENCE"),
            "narrative",
            "Narrative " + marker,
            "narrativeCategory",
            "CHILD_WELFARE",
            "urgency",
            "PRIORITY");
    String key = "it-" + UUID.randomUUID();
    String id =
        as("sam.counselor")
            .header("Idempotency-Key", key)
            .body(referral)
            .post("/api/v1/referrals")
            .then()
            .statusCode(201)
            .body(not(containsString(marker)))
            .extract()
            .path("id");
    as("sam.counselor")
        .header("Idempotency-Key", key)
        .body(referral)
        .post("/api/v1/referrals")
        .then()
        .statusCode(200)
        .body("id", equalTo(id));

    as("cora.coordinator")
        .queryParam("status", "RECEIVED")
        .queryParam("limit", 100)
        .get("/api/v1/referrals")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));
    as("cora.coordinator")
        .body(Map.of("urgency", "IMMEDIATE"))
        .post("/api/v1/referrals/{id}/triage", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("TRIAGED"));
    String caseId =
        as("cora.coordinator")
            .body(Map.of("leadAgencyId", CHILD_WELFARE, "participatingAgencyIds", List.of(SCHOOL)))
            .post("/api/v1/referrals/{id}/case", id)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("cora.coordinator")
        .body(
            Map.of(
                "leadAgencyId", CHILD_WELFARE, "participatingAgencyIds", List.of(SCHOOL, POLICE)))
        .put("/api/v1/cases/{id}/agencies", caseId)
        .then()
        .statusCode(204);

    as("wes.caseworker")
        .get("/api/v1/cases/{id}", caseId)
        .then()
        .statusCode(200)
        .body("fields.leadAgencyId.value", equalTo(CHILD_WELFARE))
        .body("fields['youth.legalName'].value", equalTo("Youth " + marker));
    as("dana.detective").get("/api/v1/cases/{id}", caseId).then().statusCode(200);
    as("nora.nurse").get("/api/v1/cases/{id}", caseId).then().statusCode(404);
    as("eli.eastside")
        .body(referral)
        .post("/api/v1/referrals")
        .then()
        .statusCode(403)
        .body("code", equalTo("MOU_INACTIVE"));
  }

  @Test
  void adminOnboardsThroughKeycloak_andOffboardingRefusesAStillValidTokenAtOnce() {
    String username = "it.member." + (System.nanoTime() % 1_000_000);
    as("ada.admin")
        .body(
            Map.of(
                "username",
                username,
                "firstName",
                "Integration",
                "lastName",
                "Member",
                "email",
                username + "@example.org",
                "agencyId",
                SCHOOL,
                "roles",
                List.of("MDT_MEMBER"),
                "trainingCompletedOn",
                "2026-10-01"))
        .post("/api/v1/members")
        .then()
        .statusCode(201)
        .body("member.username", equalTo(username))
        .body("temporaryPassword", org.hamcrest.Matchers.notNullValue());

    String umaToken = login.accessToken("uma.untrained");
    given().auth().oauth2(umaToken).get("/api/v1/me").then().statusCode(200);
    String umaId =
        as("ada.admin")
            .queryParam("agencyId", SCHOOL)
            .get("/api/v1/members")
            .then()
            .statusCode(200)
            .extract()
            .path("find { it.username == 'uma.untrained' }.id");
    as("ada.admin")
        .post("/api/v1/members/{id}/offboard", umaId)
        .then()
        .statusCode(200)
        .body("status", equalTo("OFFBOARDED"));
    given()
        .auth()
        .oauth2(umaToken)
        .get("/api/v1/me")
        .then()
        .statusCode(403)
        .body("code", equalTo("MEMBER_OFFBOARDED"));
    // Keycloak disabled the account: no new login.
    org.junit.jupiter.api.Assertions.assertThrows(
        RealLogin.LoginRefused.class, () -> login.accessToken("uma.untrained"));
  }
}
