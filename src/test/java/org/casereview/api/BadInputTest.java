package org.casereview.api;

import static org.casereview.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.casereview.testing.Api;
import org.casereview.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input on every endpoint gets a 4xx problem+json with a stable code, never a 500, never a
 * stack trace, and never an echo of what was sent.
 */
@QuarkusTest
class BadInputTest {

  static final String ID = "a0000000-0000-4000-8000-000000000002";

  /** Every endpoint that takes a JSON body, with a member allowed to call it. */
  static final String BODY_ENDPOINTS =
      """
      POST, /api/v1/referrals,                                 sam.counselor
      POST, /api/v1/referrals/%s/triage,                       cora.coordinator
      POST, /api/v1/referrals/%s/case,                         cora.coordinator
      POST, /api/v1/referrals/%s/link,                         cora.coordinator
      POST, /api/v1/referrals/%s/decline,                      cora.coordinator
      POST, /api/v1/referrals/%s/withdraw,                     sam.counselor
      PUT,  /api/v1/cases/%s/agencies,                         cora.coordinator
      PUT,  /api/v1/cases/%s/flags,                            cora.coordinator
      POST, /api/v1/cases/%s/close,                            cora.coordinator
      POST, /api/v1/agencies,                                  ada.admin
      PUT,  /api/v1/agencies/%s,                               ada.admin
      POST, /api/v1/agencies/%s/mous,                          ada.admin
      POST, /api/v1/members,                                   ada.admin
      PUT,  /api/v1/members/%s/training,                       ada.admin
      """;

  @ParameterizedTest(name = "{0} {1}: malformed JSON is 400 MALFORMED_JSON")
  @CsvSource(textBlock = BODY_ENDPOINTS)
  void malformedJson_isRefusedWithProblem(String method, String path, String user) {
    problem(
            as(user).body("{\"narrative\": \"SECRET-ECHO-1\",").request(method, path.formatted(ID)),
            400)
        .body("code", equalTo("MALFORMED_JSON"));
  }

  @ParameterizedTest(name = "{0} {1}: unknown property is 400 UNKNOWN_PROPERTY")
  @CsvSource(textBlock = BODY_ENDPOINTS)
  void unknownProperty_isRefusedWithProblem(String method, String path, String user) {
    problem(
            as(user)
                .body(Map.of("unexpectedProperty", "SECRET-ECHO-2"))
                .request(method, path.formatted(ID)),
            400)
        .body("code", equalTo("UNKNOWN_PROPERTY"))
        .body("errors[0].field", equalTo("unexpectedProperty"));
  }

  @ParameterizedTest(name = "{0} {1}: a JSON array instead of an object is 400 WRONG_TYPE")
  @CsvSource(textBlock = BODY_ENDPOINTS)
  void wrongType_isRefusedWithProblem(String method, String path, String user) {
    problem(as(user).body("[\"SECRET-ECHO-3\"]").request(method, path.formatted(ID)), 400)
        .body("code", equalTo("WRONG_TYPE"));
  }

  @ParameterizedTest(name = "{0} {1}: a body over 1 MiB is 413")
  @CsvSource(textBlock = BODY_ENDPOINTS)
  void oversizedBody_isRefused(String method, String path, String user) {
    String huge = "{\"narrative\":\"" + "x".repeat(1_100_000) + "\"}";
    ValidatableResponse response =
        as(user).body(huge).request(method, path.formatted(ID)).then().statusCode(413);
    response
        .contentType(containsString("application/problem+json"))
        .body("code", equalTo("PAYLOAD_TOO_LARGE"));
  }

  @ParameterizedTest(name = "{0} {1}: a malformed id is 400 MALFORMED_ID")
  @CsvSource(
      textBlock =
          """
          GET,  /api/v1/referrals/not-a-uuid,                  cora.coordinator
          POST, /api/v1/referrals/12345/triage,               cora.coordinator
          POST, /api/v1/referrals/zzz/case,                   cora.coordinator
          POST, /api/v1/referrals/zzz/link,                   cora.coordinator
          POST, /api/v1/referrals/zzz/decline,                cora.coordinator
          POST, /api/v1/referrals/zzz/withdraw,               sam.counselor
          GET,  /api/v1/cases/zzz,                            cora.coordinator
          PUT,  /api/v1/cases/zzz/agencies,                   cora.coordinator
          PUT,  /api/v1/cases/zzz/flags,                      cora.coordinator
          POST, /api/v1/cases/zzz/close,                      cora.coordinator
          GET,  /api/v1/agencies/zzz,                         ada.admin
          PUT,  /api/v1/agencies/zzz,                         ada.admin
          POST, /api/v1/agencies/zzz/mous,                    ada.admin
          POST, /api/v1/agencies/zzz/mous/zzz/terminate,      ada.admin
          POST, /api/v1/members/zzz/offboard,                 ada.admin
          PUT,  /api/v1/members/zzz/training,                 ada.admin
          GET,  /api/v1/members?agencyId=zzz,                 ada.admin
          GET,  /api/v1/referrals?sourceAgencyId=zzz,         cora.coordinator
          """)
  void malformedId_isRefusedWithProblem(String method, String path, String user) {
    problem(Api.as(user, "CASE_REVIEW").body(validBodyFor(path)).request(method, path), 400)
        .body("code", equalTo("MALFORMED_ID"));
  }

  @ParameterizedTest(name = "GET {0}: a read without purpose of use is 400 PURPOSE_REQUIRED")
  @CsvSource({
    "/api/v1/referrals",
    "/api/v1/cases",
    "/api/v1/referrals/" + ID,
    "/api/v1/cases/" + ID
  })
  void readWithoutPurpose_isRefused(String path) {
    problem(as("cora.coordinator").get(path), 400).body("code", equalTo("PURPOSE_REQUIRED"));
    problem(as("cora.coordinator", "GOSSIP").get(path), 400)
        .body("code", equalTo("PURPOSE_REQUIRED"));
  }

  @Test
  void invalidFields_areNamed_butTheirValuesAreNotEchoed() {
    Map<String, Object> body =
        Map.of(
            "youth", Map.of("legalName", "", "dateOfBirth", "2999-01-01"),
            "narrative", "SECRET-ECHO-4",
            "urgency", "PRIORITY");
    problem(as("sam.counselor").body(body).post("/api/v1/referrals"), 400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body(
            "errors.field", org.hamcrest.Matchers.hasItems("youth.legalName", "youth.dateOfBirth"));
  }

  @Test
  void wrongEnumValue_namesTheFieldAndTheChoices() {
    Map<String, Object> body = Api.referral("SECRET-ECHO-5");
    body = new java.util.HashMap<>(body);
    body.put("urgency", "SECRET-ECHO-5");
    problem(as("sam.counselor").body(body).post("/api/v1/referrals"), 400)
        .body("code", equalTo("WRONG_TYPE"))
        .body("errors[0].field", equalTo("urgency"));
  }

  @Test
  void badQueryParameters_areRefused() {
    problem(
            as("cora.coordinator", "CASE_REVIEW").queryParam("limit", 0).get("/api/v1/referrals"),
            400)
        .body("code", equalTo("VALIDATION_FAILED"));
    problem(
            as("cora.coordinator", "CASE_REVIEW")
                .queryParam("cursor", "SECRET-ECHO-6")
                .get("/api/v1/referrals"),
            400)
        .body("code", equalTo("VALIDATION_FAILED"));
    problem(
            as("cora.coordinator", "CASE_REVIEW")
                .queryParam("receivedFrom", "yesterday")
                .get("/api/v1/referrals"),
            400)
        .body("code", equalTo("VALIDATION_FAILED"));
    problem(
        as("cora.coordinator", "CASE_REVIEW")
            .queryParam("status", "SECRET-ECHO-7")
            .get("/api/v1/referrals"),
        400);
  }

  @Test
  void missingOrForgedToken_isUnauthenticated() {
    problem(RestAssured.given().get("/api/v1/me"), 401).body("code", equalTo("UNAUTHENTICATED"));
    problem(
            RestAssured.given()
                .auth()
                .oauth2(TestTokens.forged("cora.coordinator"))
                .get("/api/v1/me"),
            401)
        .body("code", equalTo("UNAUTHENTICATED"));
    problem(RestAssured.given().auth().oauth2("not.a.jwt").get("/api/v1/referrals"), 401);
  }

  @Test
  void unknownPathAndWrongMethod_areProblems() {
    problem(as("cora.coordinator").get("/api/v1/nothing-here"), 404)
        .body("code", equalTo("NOT_FOUND"));
    problem(as("cora.coordinator").delete("/api/v1/referrals"), 405);
    problem(as("sam.counselor").contentType("text/plain").body("x").post("/api/v1/referrals"), 415);
  }

  private static Object validBodyFor(String path) {
    if (path.endsWith("/link")) {
      return Map.of("caseId", ID);
    }
    return Map.of();
  }

  static ValidatableResponse problem(io.restassured.response.Response response, int status) {
    return response
        .then()
        .statusCode(status)
        .contentType(containsString("application/problem+json"))
        .body("status", equalTo(status))
        .body("type", startsWith("urn:mdt:problem:"))
        .body("code", notNullValue())
        .body(not(containsString("SECRET-ECHO")))
        .body(not(containsString("Exception")))
        .body(not(containsString("at org.")));
  }
}
