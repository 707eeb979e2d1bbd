package org.casereview.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.casereview.testing.KeycloakResource;
import org.casereview.testing.RealLogin;
import org.junit.jupiter.api.Test;

/**
 * The web client's browser tests (web/e2e, playwright-core driving Debian's Chromium) against the
 * packaged service, the real Keycloak and the embedded PostgreSQL. The service listens on a free
 * port, so the test registers that origin with the realm's public client through Keycloak's admin
 * API (the committed realm file stays as it is), checks that Keycloak now accepts it, and runs
 * {@code npm run e2e} in web/. Screenshots go to target/screenshots (copied into docs/screenshots
 * by hand when the screens change).
 */
@QuarkusIntegrationTest
@WithTestResource(KeycloakResource.class)
class BrowserIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CHROMIUM =
      Path.of(System.getProperty("mdt.chromium", "/usr/bin/chromium"));
  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void browserScenarios_passAgainstTheRealStack() throws Exception {
    assumeFalse("true".equals(System.getProperty("web.skip")), "web client not built (-Dweb.skip)");
    if (!Files.isExecutable(CHROMIUM)) {
      fail(
          CHROMIUM
              + " is missing: the browser tests need Debian's chromium (.ci/run installs it:"
              + " apt-get install chromium)");
    }
    String origin = "http://127.0.0.1:" + RestAssured.port;
    registerWebOrigin(origin);
    assertKeycloakAcceptsRedirectTo(origin + "/");

    Path log = Path.of("target/browser-tests.log");
    ProcessBuilder npm =
        new ProcessBuilder("npm", "run", "e2e")
            .directory(Path.of("web").toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = npm.environment();
    env.put("MDT_BASE_URL", origin);
    env.put("MDT_KEYCLOAK_URL", KeycloakResource.realmUrl());
    env.put("MDT_CHROMIUM", CHROMIUM.toString());
    env.put("MDT_SCREENSHOTS", Path.of("target/screenshots").toAbsolutePath().toString());
    env.put("MDT_DEMO_PASSWORD", RealLogin.DEMO_PASSWORD);
    Process process = npm.start();
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      fail("the browser tests did not finish within " + TIMEOUT + "\n" + tail(log));
    }
    String output = Files.readString(log);
    System.out.println(output);
    assertEquals(0, process.exitValue(), "browser tests failed (target/browser-tests.log)");
    assertTrue(output.contains("# fail 0"), "the test runner reported no failures");
  }

  /** Adds the test service's origin to mdt-web's redirect URIs, web origins and logout URIs. */
  private void registerWebOrigin(String origin) throws Exception {
    String base = KeycloakResource.server().baseUrl();
    String admin =
        JSON.readTree(
                send(
                    HttpRequest.newBuilder(
                            URI.create(base + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                form(
                                    Map.of(
                                        "grant_type",
                                        "password",
                                        "client_id",
                                        "admin-cli",
                                        "username",
                                        KeycloakResource.ADMIN_USER,
                                        "password",
                                        KeycloakResource.ADMIN_PASSWORD)))),
                    200))
            .get("access_token")
            .asText();
    String realm = base + "/admin/realms/mdt/clients";
    JsonNode clients =
        JSON.readTree(
            send(
                HttpRequest.newBuilder(URI.create(realm + "?clientId=" + RealLogin.WEB_CLIENT))
                    .header("Authorization", "Bearer " + admin)
                    .GET(),
                200));
    ObjectNode client = (ObjectNode) clients.get(0);
    ((ArrayNode) client.get("redirectUris")).add(origin + "/*");
    ((ArrayNode) client.get("webOrigins")).add(origin);
    ObjectNode attributes = (ObjectNode) client.get("attributes");
    String logout = attributes.path("post.logout.redirect.uris").asText("");
    attributes.put(
        "post.logout.redirect.uris", (logout.isEmpty() ? "" : logout + "##") + origin + "/*");
    send(
        HttpRequest.newBuilder(URI.create(realm + "/" + client.get("id").asText()))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))),
        204);
  }

  /** Keycloak shows its login form for the app's redirect URI, not "Invalid parameter". */
  private void assertKeycloakAcceptsRedirectTo(String redirectUri) throws Exception {
    String query =
        form(
            Map.of(
                "client_id", RealLogin.WEB_CLIENT,
                "response_type", "code",
                "scope", "openid",
                "redirect_uri", redirectUri,
                "state", "precondition",
                "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                "code_challenge_method", "S256"));
    String page =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        KeycloakResource.realmUrl() + "/protocol/openid-connect/auth?" + query))
                .GET(),
            200);
    assertTrue(page.contains("kc-form-login"), "Keycloak refuses " + redirectUri);
  }

  private String send(HttpRequest.Builder request, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(expected, response.statusCode(), response.uri() + " answered " + response.body());
    return response.body();
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "";
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }
}
