package org.casereview.agency;

import static org.casereview.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casereview.testing.PostgresResource;
import org.casereview.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The registry: agencies, MOUs, members; only administrators change it. */
@QuarkusTest
class MembershipTest {

  static final String SCHOOL = "a0000000-0000-4000-8000-000000000006";

  @Test
  void admin_registersAgencyWithMou_othersCannot() {
    Map<String, Object> agency =
        Map.of(
            "name",
            "Lakeview Legal Aid " + UUID.randomUUID(),
            "sector",
            "LEGAL_AID",
            "jurisdiction",
            "STATE",
            "legalStatus",
            List.of());
    as("cora.coordinator").body(agency).post("/api/v1/agencies").then().statusCode(403);
    String id =
        as("ada.admin")
            .body(agency)
            .post("/api/v1/agencies")
            .then()
            .statusCode(201)
            .body("mouActive", equalTo(false))
            .extract()
            .path("id");
    as("ada.admin").body(agency).post("/api/v1/agencies").then().statusCode(409);
    as("ada.admin")
        .body(
            Map.of(
                "signedOn", "2026-01-01",
                "effectiveFrom", "2026-01-02",
                "expiresOn", "2027-01-01",
                "categories", List.of("COORDINATION", "IDENTITY"),
                "purposes", List.of("CASE_REVIEW")))
        .post("/api/v1/agencies/{id}/mous", id)
        .then()
        .statusCode(200)
        .body("mouActive", equalTo(true));
    as("sam.counselor").get("/api/v1/agencies").then().statusCode(200).body("id", hasItem(id));
    as("ada.admin")
        .body(
            Map.of(
                "signedOn", "2026-01-01",
                "effectiveFrom", "2026-02-01",
                "expiresOn", "2026-01-15",
                "categories", List.of("COORDINATION"),
                "purposes", List.of("CASE_REVIEW")))
        .post("/api/v1/agencies/{id}/mous", id)
        .then()
        .statusCode(400);
  }

  @Test
  void onboarding_whenKeycloakIsDown_is503_andRegistersNobody() {
    String username = "new.member." + (System.nanoTime() % 100000);
    as("ada.admin")
        .body(
            Map.of(
                "username",
                username,
                "firstName",
                "New",
                "lastName",
                "Member",
                "email",
                username + "@example.org",
                "agencyId",
                SCHOOL,
                "roles",
                List.of("MDT_MEMBER")))
        .post("/api/v1/members")
        .then()
        .statusCode(503)
        .body("code", equalTo("IDENTITY_PROVIDER_UNAVAILABLE"));
    as("ada.admin")
        .queryParam("agencyId", SCHOOL)
        .get("/api/v1/members")
        .then()
        .statusCode(200)
        .body("username", org.hamcrest.Matchers.not(hasItem(username)));
  }

  @Test
  void offboardedMember_isRefusedOnTheNextRequest_evenWithAValidToken() throws Exception {
    String subject = UUID.randomUUID().toString();
    UUID memberId = UUID.randomUUID();
    try (Connection c = PostgresResource.database().superuserConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO member (id, keycloak_subject, username, display_name, email, agency_id,"
                    + " roles, training_completed_on, status, created_at) VALUES (?, ?, ?, 'Temp"
                    + " Member', 'temp@example.org', ?::uuid, 'MDT_MEMBER', current_date, 'ACTIVE',"
                    + " now())")) {
      insert.setObject(1, memberId);
      insert.setString(2, subject);
      insert.setString(3, "temp." + subject.substring(0, 8));
      insert.setString(4, SCHOOL);
      insert.executeUpdate();
    }
    String token = TestTokens.token(subject, SCHOOL, List.of("mdt-member"), 300);
    RestAssured.given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);

    // Keycloak is unreachable in this test: the service still offboards at once and says so.
    as("ada.admin")
        .post("/api/v1/members/{id}/offboard", memberId.toString())
        .then()
        .statusCode(503);
    RestAssured.given()
        .auth()
        .oauth2(token)
        .get("/api/v1/me")
        .then()
        .statusCode(403)
        .body("code", equalTo("MEMBER_OFFBOARDED"));
    try (Connection c = PostgresResource.database().superuserConnection();
        PreparedStatement q = c.prepareStatement("SELECT status FROM member WHERE id = ?")) {
      q.setObject(1, memberId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        org.junit.jupiter.api.Assertions.assertEquals("OFFBOARDED", rs.getString(1));
      }
    }
  }

  @Test
  void tokenWithAnotherAgency_orUnknownMember_isRefused() {
    String cora = TestTokens.subjectOf("cora.coordinator");
    RestAssured.given()
        .auth()
        .oauth2(TestTokens.token(cora, SCHOOL, List.of("case-coordinator"), 300))
        .get("/api/v1/me")
        .then()
        .statusCode(403)
        .body("code", equalTo("AGENCY_MISMATCH"));
    RestAssured.given()
        .auth()
        .oauth2(TestTokens.token(UUID.randomUUID().toString(), SCHOOL, List.of("mdt-member"), 300))
        .get("/api/v1/me")
        .then()
        .statusCode(403)
        .body("code", equalTo("MEMBER_UNKNOWN"));
    RestAssured.given()
        .auth()
        .oauth2(
            TestTokens.token(
                cora, TestTokens.agencyOf("cora.coordinator"), List.of("mdt-member"), -60))
        .get("/api/v1/me")
        .then()
        .statusCode(401);
  }
}
