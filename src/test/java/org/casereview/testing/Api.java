package org.casereview.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** REST Assured requests as a demo member, with a stated purpose of use. */
public final class Api {

  private Api() {}

  public static RequestSpecification as(String username) {
    return given()
        .auth()
        .oauth2(TestTokens.of(username))
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON);
  }

  public static RequestSpecification as(String username, String purpose) {
    return as(username).header("X-Purpose-Of-Use", purpose);
  }

  /** A referral body with a unique marker in every confidential field. */
  public static Map<String, Object> referral(String marker) {
    return Map.of(
        "youth",
        Map.of(
            "legalName",
            "Youth " + marker,
            "aliases",
            List.of("Alias " + marker),
            "dateOfBirth",
            "2010-04-17",
            "gender",
            "female",
            "contact",
            "Shelter phone " + marker),
        "indicators",
        List.of("RUNAWAY_OR_HOMELESS", "OLDER_PARTNER"),
        "narrative",
        "Narrative " + marker,
        "urgency",
        "PRIORITY");
  }

  /** Creates a referral as the given member and returns its id. */
  public static String createReferral(String username, String marker) {
    return as(username)
        .body(referral(marker))
        .post("/api/v1/referrals")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
