package org.casereview.crypto;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeyAdminResourceTest {

  private static final String BASE = "/api/v1/admin/keys";

  @Inject TestFieldStore store;
  @Inject SubjectKeys subjectKeys;

  @Test
  void anonymousCaller_cannotRotateKeys() {
    given().when().post(BASE + "/kek/rotate").then().statusCode(401);
  }

  @Test
  @TestSecurity(user = "b0000000-0000-4000-8000-000000000001", roles = "coordinator")
  @OidcSecurity(
      claims = {
        @Claim(key = "sub", value = "b0000000-0000-4000-8000-000000000001"),
        @Claim(key = "agency_id", value = "a0000000-0000-4000-8000-000000000001")
      })
  void nonAdministrator_cannotRotateKeysOrSeeThem() {
    given().when().post(BASE + "/kek/rotate").then().statusCode(403);
    given().when().get(BASE + "/kek").then().statusCode(403);
    given().when().post(BASE + "/rewrap-jobs").then().statusCode(403);
  }

  @Test
  @TestSecurity(user = "b0000000-0000-4000-8000-000000000012", roles = "admin")
  @OidcSecurity(
      claims = {
        @Claim(key = "sub", value = "b0000000-0000-4000-8000-000000000012"),
        @Claim(key = "agency_id", value = "a0000000-0000-4000-8000-000000000001")
      })
  void administrator_rotatesTheKek_andRewrapsEveryKeyOnline() {
    UUID subject = UUID.randomUUID();
    FieldPlace field = store.write(subject, UUID.randomUUID(), "legal_name", "served meanwhile");

    String kek =
        given()
            .when()
            .post(BASE + "/kek/rotate")
            .then()
            .statusCode(200)
            .body("state", equalTo("ACTIVE"))
            .extract()
            .path("id");
    String location =
        given()
            .when()
            .post(BASE + "/rewrap-jobs")
            .then()
            .statusCode(202)
            .body("jobId", notNullValue())
            .extract()
            .header("Location");
    // the service keeps serving while the job runs
    assertEquals("served meanwhile", store.read(subject, field));

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                given()
                    .when()
                    .get(location)
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("COMPLETED"))
                    .body("targetKekId", equalTo(kek)));
    assertEquals("served meanwhile", store.read(subject, field));
  }

  @Test
  @TestSecurity(user = "b0000000-0000-4000-8000-000000000012", roles = "admin")
  @OidcSecurity(
      claims = {
        @Claim(key = "sub", value = "b0000000-0000-4000-8000-000000000012"),
        @Claim(key = "agency_id", value = "a0000000-0000-4000-8000-000000000001")
      })
  void administrator_cannotDisableThePrimaryKek() {
    String primary =
        given().when().post(BASE + "/kek/rotate").then().statusCode(200).extract().path("id");

    given()
        .contentType(ContentType.JSON)
        .body("{\"state\":\"DISABLED\"}")
        .when()
        .put(BASE + "/kek/" + primary + "/state")
        .then()
        .statusCode(409);
  }

  @Test
  @TestSecurity(user = "b0000000-0000-4000-8000-000000000012", roles = "admin")
  @OidcSecurity(
      claims = {
        @Claim(key = "sub", value = "b0000000-0000-4000-8000-000000000012"),
        @Claim(key = "agency_id", value = "a0000000-0000-4000-8000-000000000001")
      })
  void unknownRewrapJob_isNotFound() {
    given().when().get(BASE + "/rewrap-jobs/" + UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  @TestSecurity(user = "b0000000-0000-4000-8000-000000000012", roles = "admin")
  @OidcSecurity(
      claims = {
        @Claim(key = "sub", value = "b0000000-0000-4000-8000-000000000012"),
        @Claim(key = "agency_id", value = "a0000000-0000-4000-8000-000000000001")
      })
  void administrator_rotatesOneSubjectsDataKey_andTheirFieldsStillOpen() {
    UUID subject = UUID.randomUUID();
    FieldPlace field = store.write(subject, UUID.randomUUID(), "legal_name", "rotated youth");

    given()
        .when()
        .post(BASE + "/subjects/" + subject + "/rotate-data-key")
        .then()
        .statusCode(200)
        .body("version", equalTo(2));

    assertEquals(2, AesGcmAead.keyVersionOf(store.readRaw(field)));
    assertEquals("rotated youth", store.read(subject, field));
  }

  @Test
  @TestSecurity(user = "b0000000-0000-4000-8000-000000000012", roles = "admin")
  @OidcSecurity(
      claims = {
        @Claim(key = "sub", value = "b0000000-0000-4000-8000-000000000012"),
        @Claim(key = "agency_id", value = "a0000000-0000-4000-8000-000000000001")
      })
  void shreddedSubject_cannotGetANewDataKey() {
    UUID subject = UUID.randomUUID();
    store.write(subject, UUID.randomUUID(), "legal_name", "erased youth");
    subjectKeys.shred(subject);

    given().when().post(BASE + "/subjects/" + subject + "/rotate-data-key").then().statusCode(409);
  }
}
