package org.casereview.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.casereview.policy.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo directory (loaded into the service's database) and the realm file (imported into
 * Keycloak) describe the same people twice. If they drift, a demo login carries an agency or roles
 * the service does not know, so this test compares them field by field, and checks the realm
 * settings the service's security depends on.
 */
class DemoDirectoryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVICE_ACCOUNT = "service-account-mdt-api";

  private static JsonNode realm;
  private static JsonNode directory;

  @BeforeAll
  static void readBothFiles() throws IOException {
    realm = JSON.readTree(Path.of("keycloak-realm.json").toFile());
    try (InputStream in =
        DemoDirectoryTest.class.getResourceAsStream("/demo/demo-directory.json")) {
      assertNotNull(in, "demo/demo-directory.json is on the classpath");
      directory = JSON.readTree(in);
    }
  }

  @Test
  void everyDemoMember_isARealmUserWithTheSameIdNameEmailAgencyAndRoles() {
    Map<String, JsonNode> usersById = humanUsersById();
    for (JsonNode member : directory.get("members")) {
      String id = member.get("keycloakSubject").asText();
      JsonNode user = usersById.get(id);
      String who = member.get("username").asText();
      assertNotNull(user, "realm user with the id of demo member " + who);
      for (String[] pair :
          new String[][] {
            {"username", "username"},
            {"firstName", "firstName"},
            {"lastName", "lastName"},
            {"email", "email"}
          }) {
        assertEquals(
            member.get(pair[0]).asText(), user.path(pair[1]).asText(), pair[1] + " of " + who);
      }
      JsonNode agency = user.path("attributes").path("agency_id");
      assertEquals(1, agency.size(), "exactly one agency_id for " + who);
      assertEquals(member.get("agencyId").asText(), agency.get(0).asText(), "agency_id of " + who);
      assertEquals(texts(member.get("roles")), texts(user.get("realmRoles")), "roles of " + who);
      assertTrue(user.path("enabled").asBoolean(), who + " is enabled");
    }
  }

  @Test
  void realm_hasNoHumanUserThatTheDemoDirectoryLacks() {
    Set<String> members = new TreeSet<>();
    directory.get("members").forEach(m -> members.add(m.get("keycloakSubject").asText()));
    assertEquals(members, new TreeSet<>(humanUsersById().keySet()));
  }

  @Test
  void everyDemoUser_hasThePermanentPasswordDemo() {
    for (JsonNode user : humanUsersById().values()) {
      JsonNode credentials = user.get("credentials");
      assertEquals(1, credentials.size(), "one credential for " + user.get("username"));
      JsonNode password = credentials.get(0);
      assertEquals("password", password.get("type").asText());
      assertEquals("demo", password.get("value").asText());
      assertFalse(password.path("temporary").asBoolean(), "password is not temporary");
      assertEquals(0, user.path("requiredActions").size(), "no required action blocks login");
    }
  }

  @Test
  void everyDemoMember_belongsToAnAgencyOfTheDirectory() {
    Set<String> agencies = new TreeSet<>();
    directory.get("agencies").forEach(a -> agencies.add(a.get("id").asText()));
    for (JsonNode user : humanUsersById().values()) {
      String agency = user.path("attributes").path("agency_id").get(0).asText();
      assertTrue(agencies.contains(agency), "agency of " + user.get("username") + " exists");
    }
  }

  @Test
  void realmRoles_areExactlyThePolicyRoles() {
    Set<String> expected =
        Arrays.stream(Role.values()).map(Role::realmRole).collect(Collectors.toSet());
    Set<String> declared = texts(realm.get("roles").get("realm"), "name");
    assertEquals(expected, declared);
    for (JsonNode user : humanUsersById().values()) {
      assertTrue(
          expected.containsAll(texts(user.get("realmRoles"))),
          "roles of " + user.get("username") + " are policy roles");
    }
  }

  @Test
  void userProfile_declaresAgencyId_soKeycloakKeepsItAndOnlyAdminsCanEditIt() throws IOException {
    JsonNode provider =
        realm.get("components").get("org.keycloak.userprofile.UserProfileProvider").get(0);
    JsonNode profile =
        JSON.readTree(provider.get("config").get("kc.user.profile.config").get(0).asText());
    JsonNode agency = null;
    for (JsonNode attribute : profile.get("attributes")) {
      if ("agency_id".equals(attribute.get("name").asText())) {
        agency = attribute;
      }
    }
    assertNotNull(agency, "agency_id is declared in the user profile");
    assertEquals(Set.of("admin"), texts(agency.get("permissions").get("edit")));
  }

  @Test
  void webClient_isPublicWithPkceOnly_andPutsAgencyAndApiAudienceIntoTokens() {
    JsonNode web = client("mdt-web");
    assertTrue(web.get("publicClient").asBoolean());
    assertTrue(web.get("standardFlowEnabled").asBoolean());
    assertFalse(web.get("directAccessGrantsEnabled").asBoolean(), "no password grant");
    assertFalse(web.get("implicitFlowEnabled").asBoolean(), "no implicit flow");
    assertEquals("S256", web.get("attributes").get("pkce.code.challenge.method").asText());
    assertTrue(hasAgencyMapper(web));
    boolean audience = false;
    for (JsonNode mapper : web.get("protocolMappers")) {
      if ("oidc-audience-mapper".equals(mapper.get("protocolMapper").asText())) {
        audience =
            "mdt-api".equals(mapper.get("config").get("included.client.audience").asText())
                && "true".equals(mapper.get("config").get("access.token.claim").asText());
      }
    }
    assertTrue(audience, "tokens of mdt-web are addressed to mdt-api");
  }

  @Test
  void apiClient_isConfidentialWithAServiceAccountThatManagesUsers_andNoLoginFlows() {
    JsonNode api = client("mdt-api");
    assertFalse(api.get("publicClient").asBoolean());
    assertTrue(api.get("serviceAccountsEnabled").asBoolean());
    assertFalse(api.get("standardFlowEnabled").asBoolean());
    assertFalse(api.get("directAccessGrantsEnabled").asBoolean());
    assertTrue(hasAgencyMapper(api));
    JsonNode serviceAccount = null;
    for (JsonNode user : realm.get("users")) {
      if (SERVICE_ACCOUNT.equals(user.get("username").asText())) {
        serviceAccount = user;
      }
    }
    assertNotNull(serviceAccount);
    assertEquals("mdt-api", serviceAccount.get("serviceAccountClientId").asText());
    assertEquals(
        Set.of("manage-users", "view-users", "query-users", "view-realm"),
        texts(serviceAccount.get("clientRoles").get("realm-management")));
  }

  @Test
  void realm_locksOutPasswordGuessingAndKeepsAccessTokensShort() {
    assertTrue(realm.get("bruteForceProtected").asBoolean());
    assertTrue(realm.get("accessTokenLifespan").asInt() <= 300);
    assertFalse(realm.get("registrationAllowed").asBoolean(), "no self-registration");
  }

  private static Map<String, JsonNode> humanUsersById() {
    Map<String, JsonNode> users = new HashMap<>();
    for (JsonNode user : realm.get("users")) {
      if (!user.has("serviceAccountClientId")) {
        users.put(user.get("id").asText(), user);
      }
    }
    return users;
  }

  private static JsonNode client(String clientId) {
    for (JsonNode client : realm.get("clients")) {
      if (clientId.equals(client.get("clientId").asText())) {
        return client;
      }
    }
    throw new AssertionError("client " + clientId + " is in the realm file");
  }

  private static boolean hasAgencyMapper(JsonNode client) {
    for (JsonNode mapper : client.get("protocolMappers")) {
      JsonNode config = mapper.get("config");
      if ("oidc-usermodel-attribute-mapper".equals(mapper.get("protocolMapper").asText())
          && "agency_id".equals(config.get("user.attribute").asText())
          && "agency_id".equals(config.get("claim.name").asText())
          && "true".equals(config.get("access.token.claim").asText())) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> values = new TreeSet<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Set<String> texts(JsonNode array, String field) {
    Set<String> values = new TreeSet<>();
    array.forEach(v -> values.add(v.get(field).asText()));
    return values;
  }
}
