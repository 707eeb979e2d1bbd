package org.casereview.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The service's side of the web client: where to log in, and the headers that keep the app's pages
 * from loading anything but the service's own code or being framed.
 */
@QuarkusTest
class WebClientTest {

  @Test
  void clientConfig_isPublic_andNamesTheIssuerAndThePublicClient() {
    given()
        .get("/api/v1/client-config")
        .then()
        .statusCode(200)
        .body("clientId", equalTo("mdt-web"))
        // The tests' token issuer (TestTokens); in production the Keycloak realm URL.
        .body("issuer", equalTo("any"));
  }

  @Test
  void appPages_carryTheContentSecurityPolicy_andAreNotCached() {
    given()
        .get("/index.html")
        .then()
        .header(WebSecurityHeaders.CONTENT_SECURITY_POLICY, containsString("script-src 'self'"))
        .header(
            WebSecurityHeaders.CONTENT_SECURITY_POLICY, containsString("frame-ancestors 'none'"))
        .header(WebSecurityHeaders.CONTENT_SECURITY_POLICY, not(containsString("unsafe-inline")))
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY");
  }

  @Test
  void apiResponses_getNoSniffAndNoReferrer_butNoPagePolicy() {
    given()
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header(WebSecurityHeaders.CONTENT_SECURITY_POLICY, nullValue());
  }

  @Test
  void policy_allowsConnectionsToTheServiceAndKeycloakOnly() {
    WebClientSettings settings =
        new WebClientSettings(
            Optional.of("http://127.0.0.1:8180/realms/mdt/"), Optional.empty(), "mdt-web");
    assertEquals("http://127.0.0.1:8180/realms/mdt", settings.issuer());
    assertEquals("http://127.0.0.1:8180", settings.identityProviderOrigin());
    String policy = WebSecurityHeaders.policyFor(settings.identityProviderOrigin());
    assertTrue(policy.contains("connect-src 'self' http://127.0.0.1:8180;"), policy);
    assertTrue(policy.contains("form-action 'self' http://127.0.0.1:8180;"), policy);
    assertTrue(policy.startsWith("default-src 'self'"), policy);
  }
}
