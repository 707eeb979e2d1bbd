package org.casereview.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signed access tokens for the demo members, shaped like Keycloak's (sub, agency_id,
 * realm_access.roles, aud mdt-api), so that @QuarkusTests run the service's real bearer-token
 * verification without a running Keycloak. The end-to-end suite (*IT) uses real Keycloak tokens.
 */
public final class TestTokens implements QuarkusTestResourceLifecycleManager {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KeyPair KEYS = generate();
  private static final JsonNode DIRECTORY = readDirectory();

  @Override
  public Map<String, String> start() {
    return Map.of(
        "quarkus.oidc.public-key",
        Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()),
        "quarkus.oidc.token.issuer",
        "any");
  }

  @Override
  public void stop() {}

  /** A valid token of a demo member, by username (see demo/demo-directory.json). */
  public static String of(String username) {
    JsonNode member = member(username);
    List<String> roles = JSON.convertValue(member.get("roles"), List.class);
    return token(
        member.get("keycloakSubject").asText(), member.get("agencyId").asText(), roles, 300);
  }

  /** A token with explicit claims, for tests of what must be refused. */
  public static String token(
      String subject, String agencyId, List<String> roles, long lifetimeSeconds) {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", "http://127.0.0.1/realms/mdt");
    claims.put("sub", subject);
    claims.put("aud", "mdt-api");
    claims.put("iat", now);
    claims.put("exp", now + lifetimeSeconds);
    claims.put("azp", "mdt-web");
    if (agencyId != null) {
      claims.put("agency_id", agencyId);
    }
    claims.put("realm_access", Map.of("roles", roles));
    return sign(claims, KEYS);
  }

  /** A token signed by a key the service does not trust. */
  public static String forged(String username) {
    JsonNode member = member(username);
    Map<String, Object> claims = new LinkedHashMap<>();
    long now = Instant.now().getEpochSecond();
    claims.put("sub", member.get("keycloakSubject").asText());
    claims.put("aud", "mdt-api");
    claims.put("iat", now);
    claims.put("exp", now + 300);
    claims.put("agency_id", member.get("agencyId").asText());
    claims.put("realm_access", Map.of("roles", List.of("case-coordinator", "mdt-member", "admin")));
    return sign(claims, generate());
  }

  public static String subjectOf(String username) {
    return member(username).get("keycloakSubject").asText();
  }

  public static String agencyOf(String username) {
    return member(username).get("agencyId").asText();
  }

  private static JsonNode member(String username) {
    for (JsonNode m : DIRECTORY.get("members")) {
      if (m.get("username").asText().equals(username)) {
        return m;
      }
    }
    throw new IllegalArgumentException("no demo member " + username);
  }

  private static String sign(Map<String, Object> claims, KeyPair keys) {
    try {
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      String header =
          b64.encodeToString(
              JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", "test")));
      String payload = b64.encodeToString(JSON.writeValueAsBytes(claims));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.getPrivate());
      rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
      return header + "." + payload + "." + b64.encodeToString(rsa.sign());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode readDirectory() {
    try (InputStream in = TestTokens.class.getResourceAsStream("/demo/demo-directory.json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
