package org.casereview.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real Keycloak of the end-to-end suite: the distribution that failsafe unpacks into
 * target/keycloak (system property {@code keycloak.dist.dir}), started once per JVM on a free
 * loopback port with an in-memory database, {@code keycloak-realm.json} imported, and a second
 * realm {@value #FOREIGN_REALM} whose tokens the service must refuse. Points the service's OIDC
 * resource server and Keycloak admin client at it, and loads the demo directory (the realm's users
 * are the demo members).
 *
 * <p>Use with {@code @WithTestResource(KeycloakResource.class)} on {@code *IT} classes, and {@link
 * RealLogin} to obtain tokens.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

  public static final String REALM_FILE = "keycloak-realm.json";
  public static final String FOREIGN_REALM = "elsewhere";
  public static final String API_CLIENT = "mdt-api";

  /** The master realm's administrator of the test Keycloak (for tests that reconfigure it). */
  public static final String ADMIN_USER = "admin";

  public static final String ADMIN_PASSWORD = "test-admin-" + java.util.UUID.randomUUID();

  private static KeycloakServer server;

  /** The shared server; started on first use and stopped when the JVM exits. */
  public static synchronized KeycloakServer server() {
    if (server == null) {
      Path dist = Path.of(System.getProperty("keycloak.dist.dir", "target/keycloak"));
      KeycloakServer started =
          KeycloakServer.start(
              new KeycloakServer.Options(dist, freeLoopbackPort())
                  .inMemory(true)
                  .realm(realmFile())
                  .realm(testResource("/keycloak/" + FOREIGN_REALM + "-realm.json"))
                  .logFile(Path.of("target/keycloak-it.log"))
                  .bootstrapAdmin(ADMIN_USER, ADMIN_PASSWORD));
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "keycloak-stop"));
      server = started;
    }
    return server;
  }

  /** The realm file of the repository (the failsafe working directory is the project root). */
  public static Path realmFile() {
    return Path.of(REALM_FILE).toAbsolutePath();
  }

  /** The issuer URL of the demo realm. */
  public static String realmUrl() {
    return server().realmUrl(KeycloakServer.realmName(realmFile()));
  }

  /** The issuer URL of a realm that is not the service's. */
  public static String foreignRealmUrl() {
    return server().realmUrl(FOREIGN_REALM);
  }

  @Override
  public Map<String, String> start() {
    KeycloakServer keycloak = server();
    String secret = KeycloakServer.clientSecret(realmFile(), API_CLIENT);
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.oidc.auth-server-url", realmUrl());
    config.put("quarkus.oidc.credentials.secret", secret);
    config.put("mdt.keycloak.server-url", keycloak.baseUrl());
    config.put("quarkus.keycloak.admin-client.server-url", keycloak.baseUrl());
    config.put("quarkus.keycloak.admin-client.client-secret", secret);
    // Undo what the global TestTokens resource sets for @QuarkusTest: keys and issuer come from
    // the realm's discovery document, as in production.
    config.put("quarkus.oidc.public-key", "");
    config.put("quarkus.oidc.token.issuer", realmUrl());
    // The realm's demo users are members only if the service loads the same demo directory.
    config.put("mdt.demo.enabled", "true");
    return config;
  }

  /** After the global resources, so that this configuration wins where both set a key. */
  @Override
  public int order() {
    return 100;
  }

  @Override
  public void stop() {
    // shared across test classes; stopped by the shutdown hook
  }

  private static Path testResource(String name) {
    URL url = KeycloakResource.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException("missing test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
