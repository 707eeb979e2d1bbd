package org.casereview.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed API description (openapi/openapi.yaml) is what the running service serves. To
 * accept a deliberate change: {@code ./mvnw test -Dtest=OpenApiDriftTest -Dopenapi.update=true},
 * then review the diff.
 */
@QuarkusTest
class OpenApiDriftTest {

  static final Path COMMITTED = Path.of("openapi/openapi.yaml");

  @Test
  void runningService_servesTheCommittedDescription() throws Exception {
    String served =
        given()
            .queryParam("format", "yaml")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    if (Boolean.getBoolean("openapi.update")) {
      Files.writeString(COMMITTED, served);
    }
    YAMLMapper yaml = new YAMLMapper();
    JsonNode expected = yaml.readTree(Files.readString(COMMITTED));
    JsonNode actual = yaml.readTree(served);
    assertEquals(
        expected,
        actual,
        "/q/openapi differs from openapi/openapi.yaml: run with -Dopenapi.update=true and review");
  }

  @Test
  void description_hasTheBearerSecurityScheme_andExamples() throws Exception {
    JsonNode api = new YAMLMapper().readTree(Files.readString(COMMITTED));
    assertTrue(api.at("/components/securitySchemes").size() > 0, "security scheme");
    assertTrue(Files.readString(COMMITTED).contains("example"), "examples");
    assertTrue(api.at("/paths").has("/api/v1/referrals"), "referral intake");
  }
}
