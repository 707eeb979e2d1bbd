package org.casereview.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.casereview.testing.KeycloakResource;
import org.casereview.testing.RealLogin;
import org.junit.jupiter.api.Test;

/**
 * The packaged service against the real Keycloak with the realm file imported: tokens come from the
 * browser client's PKCE login, never from a test key. Proves that real tokens are accepted and
 * carry the agency and roles, and that tokens the realm did not sign for this service are refused.
 */
@QuarkusIntegrationTest
@WithTestResource(KeycloakResource.class)
class IdentityIT {

  private static final String ME = "/api/v1/me";
  private static final String CORA = "cora.coordinator";
  private static final String CORA_SUBJECT = "b0000000-0000-4000-8000-000000000001";
  private static final String CORA_AGENCY = "a0000000-0000-4000-8000-000000000001";
  private static final String DETECTIVE_AGENCY = "a0000000-0000-4000-8000-000000000002";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RealLogin login = RealLogin.demoRealm();

  @Test
  void realTokenFromPkceLogin_isAcceptedAndNamesTheMemberAgencyAndRoles() {
    String token = login.accessToken(CORA);

    given()
        .auth()
        .oauth2(token)
        .when()
        .get(ME)
        .then()
        .statusCode(200)
        .body("agencyId", equalTo(CORA_AGENCY))
        .body("roles", containsInAnyOrder("CASE_COORDINATOR", "MDT_MEMBER"))
        .body("memberId", notNullValue());
  }

  @Test
  void requestWithoutToken_isRefused() {
    given().when().get(ME).then().statusCode(401);
  }

  @Test
  void auditorToken_isAcceptedWithTheAuditorRoleOnly() {
    given()
        .auth()
        .oauth2(login.accessToken("aldo.auditor"))
        .when()
        .get(ME)
        .then()
        .statusCode(200)
        .body("roles", contains("AUDITOR"));
  }

  @Test
  void realToken_carriesSubjectAgencyRolesAndTheApiAudience() {
    JsonNode claims = RealLogin.claims(login.accessToken(CORA));

    assertEquals(KeycloakResource.realmUrl(), claims.get("iss").asText());
    assertEquals(CORA_SUBJECT, claims.get("sub").asText());
    assertEquals(CORA_AGENCY, claims.get("agency_id").asText());
    assertEquals(RealLogin.WEB_CLIENT, claims.get("azp").asText());
    assertTrue(values(claims.get("aud")).contains("mdt-api"), "addressed to the API");
    assertTrue(
        values(claims.get("realm_access").get("roles"))
            .containsAll(Set.of("case-coordinator", "mdt-member")));
  }

  @Test
  void tokenWithAnotherAgencyWrittenIntoIt_isRefused() throws Exception {
    String[] parts = login.accessToken(CORA).split("\\.");
    ObjectNode claims = (ObjectNode) RealLogin.claims(String.join(".", parts));
    claims.put("agency_id", DETECTIVE_AGENCY);
    String tampered = parts[0] + "." + base64Url(JSON.writeValueAsBytes(claims)) + "." + parts[2];

    given().auth().oauth2(tampered).when().get(ME).then().statusCode(401);
  }

  @Test
  void tokenSignedWithAKeyTheRealmDoesNotHold_isRefused() throws Exception {
    // Same header (algorithm and key id) and the same valid claims: only the signer differs.
    String[] parts = login.accessToken(CORA).split("\\.");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String forged = sign(parts[0] + "." + parts[1], generator.generateKeyPair().getPrivate());

    given().auth().oauth2(forged).when().get(ME).then().statusCode(401);
  }

  @Test
  void tokenFromAnotherRealmOfTheSameKeycloak_isRefused() {
    RealLogin elsewhere = new RealLogin(KeycloakResource.foreignRealmUrl());
    String token = elsewhere.accessToken(CORA);
    JsonNode claims = RealLogin.claims(token);
    // The foreign token looks like ours in everything but its issuer and signing key.
    assertEquals(CORA_AGENCY, claims.get("agency_id").asText());
    assertTrue(values(claims.get("aud")).contains("mdt-api"));

    given().auth().oauth2(token).when().get(ME).then().statusCode(401);
  }

  @Test
  void wrongPassword_getsNoCode() {
    assertThrows(
        RealLogin.LoginRefused.class, () -> login.login("tara.tribal", "not-the-password"));
  }

  @Test
  void passwordGrant_isNotOfferedToTheWebClient() {
    given()
        .formParam("grant_type", "password")
        .formParam("client_id", RealLogin.WEB_CLIENT)
        .formParam("username", CORA)
        .formParam("password", RealLogin.DEMO_PASSWORD)
        .when()
        .post(KeycloakResource.realmUrl() + "/protocol/openid-connect/token")
        .then()
        .statusCode(not(equalTo(200)))
        .body("error", equalTo("unauthorized_client"));
  }

  @Test
  void authorizationRequestWithoutPkce_isRefused() {
    String location =
        given()
            .redirects()
            .follow(false)
            .queryParam("client_id", RealLogin.WEB_CLIENT)
            .queryParam("response_type", "code")
            .queryParam("scope", "openid")
            .queryParam("redirect_uri", RealLogin.REDIRECT_URI)
            .queryParam("state", "no-pkce")
            .when()
            .get(KeycloakResource.realmUrl() + "/protocol/openid-connect/auth")
            .then()
            .statusCode(302)
            .header("Location", containsString("error=invalid_request"))
            .extract()
            .header("Location");
    assertFalse(location.contains("code="), "no authorization code without a code challenge");
  }

  @Test
  void serviceAccountOfTheApi_cannotLogInThroughTheBrowserClient() {
    assertThrows(
        RealLogin.LoginRefused.class,
        () -> login.login("service-account-mdt-api", RealLogin.DEMO_PASSWORD));
  }

  private static Set<String> values(JsonNode node) {
    Set<String> values = new HashSet<>();
    if (node.isArray()) {
      node.forEach(v -> values.add(v.asText()));
    } else {
      values.add(node.asText());
    }
    return values;
  }

  private static String sign(String signingInput, PrivateKey key) throws Exception {
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + base64Url(rsa.sign());
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
