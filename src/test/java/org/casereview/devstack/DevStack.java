package org.casereview.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.casereview.testing.EmbeddedDatabase;
import org.casereview.testing.KeycloakServer;
import org.casereview.testing.OwnedProcesses;

/**
 * The run command's launcher: starts an embedded PostgreSQL (fsync on, data kept between runs), a
 * real Keycloak with the realm imported, and the packaged service with the demo directory loaded;
 * prints where everything is; stops the three in reverse order on Ctrl-C.
 *
 * <p>Setting {@code QUARKUS_DATASOURCE_JDBC_URL} or {@code QUARKUS_OIDC_AUTH_SERVER_URL} skips the
 * embedded PostgreSQL or Keycloak; the service then takes those settings (and their credentials)
 * from the environment unchanged.
 *
 * <p>Runs from the repository root with the test classpath: {@code ./run} builds and starts it.
 */
public final class DevStack {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration SERVICE_STOP_TIMEOUT = Duration.ofSeconds(30);

  /** mdt.crypto.keystore-path and mdt.crypto.keystore-passphrase-file of CryptoConfig. */
  static final String KEY_STORE_PATH_ENV = "MDT_CRYPTO_KEYSTORE_PATH";

  static final String KEY_STORE_PASSPHRASE_FILE_ENV = "MDT_CRYPTO_KEYSTORE_PASSPHRASE_FILE";

  private final Map<String, String> env;
  private final Path home;
  private final Path logs;
  private final Path keycloakDir;
  private final Path serviceJar;
  private final Path realmFile;
  private final Path demoDirectory;
  private final int postgresPort;
  private final int keycloakPort;
  private final int servicePort;

  private volatile boolean stopping;
  private EmbeddedDatabase database;
  private KeycloakServer keycloak;
  private Process service;

  private DevStack(Map<String, String> env, Map<String, String> options) {
    this.env = env;
    this.home =
        Path.of(env.getOrDefault("MDT_HOME", System.getProperty("user.home") + "/.mdt-case-review"))
            .toAbsolutePath();
    this.logs = home.resolve("logs");
    this.keycloakDir =
        Path.of(options.getOrDefault("keycloak-dir", home.resolve("keycloak").toString()));
    this.serviceJar =
        Path.of(options.getOrDefault("service-jar", "target/quarkus-app/quarkus-run.jar"));
    this.realmFile = Path.of(options.getOrDefault("realm", "keycloak-realm.json")).toAbsolutePath();
    this.demoDirectory = Path.of("src/main/resources/demo/demo-directory.json");
    this.postgresPort = Integer.parseInt(env.getOrDefault("MDT_PG_PORT", "15432"));
    this.keycloakPort = Integer.parseInt(env.getOrDefault("MDT_KEYCLOAK_PORT", "8180"));
    this.servicePort = Integer.parseInt(env.getOrDefault("QUARKUS_HTTP_PORT", "8080"));
  }

  public static void main(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        System.err.println(
            "usage: DevStack [--keycloak-dir=DIR] [--service-jar=JAR] [--realm=FILE]");
        System.exit(2);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    DevStack stack = new DevStack(System.getenv(), options);
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-stop"));
    int status;
    try {
      status = stack.run();
    } catch (RuntimeException e) {
      if (stack.stopping) {
        return; // Ctrl-C during start-up: the shutdown hook is already at work
      }
      System.err.println();
      System.err.println("Start-up failed: " + e.getMessage());
      status = 1;
    }
    if (!stack.stopping) {
      System.exit(status); // the shutdown hook stops whatever was started
    }
  }

  private int run() {
    Instant begin = Instant.now();
    createPrivateDirectory(home);
    createPrivateDirectory(logs);
    OwnedProcesses.stopOrphans(servicePidFile(), serviceJar.toAbsolutePath().toString());
    requireFreePort(servicePort, "the service (set QUARKUS_HTTP_PORT to use another)");
    Map<String, String> serviceEnv = new HashMap<>(env);
    boolean embeddedKeycloak = !env.containsKey("QUARKUS_OIDC_AUTH_SERVER_URL");
    Path distribution = embeddedKeycloak ? KeycloakServer.distributionIn(keycloakDir) : null;

    if (env.containsKey("QUARKUS_DATASOURCE_JDBC_URL")) {
      say("PostgreSQL: external, " + env.get("QUARKUS_DATASOURCE_JDBC_URL"));
    } else {
      Instant t = Instant.now();
      say("PostgreSQL: starting the embedded server (data in " + home.resolve("pg") + ")...");
      // Fresh role passwords on every start: nothing to keep on disk.
      String ownerPassword = randomSecret();
      String appPassword = randomSecret();
      database =
          EmbeddedDatabase.start(
              home.resolve("pg"), postgresPort, true, ownerPassword, appPassword);
      serviceEnv.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
      serviceEnv.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.APP_ROLE);
      serviceEnv.put("QUARKUS_DATASOURCE_PASSWORD", appPassword);
      serviceEnv.put("QUARKUS_FLYWAY_USERNAME", EmbeddedDatabase.OWNER_ROLE);
      serviceEnv.put("QUARKUS_FLYWAY_PASSWORD", ownerPassword);
      say("PostgreSQL: ready on 127.0.0.1:" + database.port() + " " + since(t));
    }

    String realmUrl;
    if (embeddedKeycloak) {
      realmUrl = startKeycloak(distribution, serviceEnv);
    } else {
      realmUrl = env.get("QUARKUS_OIDC_AUTH_SERVER_URL");
      say("Keycloak: external, " + realmUrl);
    }

    serviceEnv.putIfAbsent("MDT_DEMO_ENABLED", "true");
    serviceEnv.putIfAbsent(KEY_STORE_PATH_ENV, home.resolve("keys.bcfks").toString());
    if (!env.containsKey("MDT_CRYPTO_KEYSTORE_PASSPHRASE")) {
      // The passphrase travels as a file name, not a value: nothing secret in the environment.
      Path passphrase = home.resolve("keystore-passphrase");
      readOrCreateSecret(passphrase);
      serviceEnv.putIfAbsent(KEY_STORE_PASSPHRASE_FILE_ENV, passphrase.toString());
    }
    startService(serviceEnv);

    printBanner(realmUrl, since(begin));
    try {
      int exit = service.waitFor();
      if (!stopping) {
        say("The service exited with status " + exit + "; see " + logs.resolve("service.log"));
      }
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private String startKeycloak(Path distribution, Map<String, String> serviceEnv) {
    boolean firstStart = !Files.exists(distribution.resolve("data/h2"));
    warnIfRealmChanged(distribution, firstStart);
    say(
        "Keycloak: starting on 127.0.0.1:"
            + keycloakPort
            + (firstStart
                ? " (first start imports the realm; about a minute)..."
                : " (20 s to a minute)..."));
    Instant t = Instant.now();
    keycloak =
        KeycloakServer.start(
            new KeycloakServer.Options(distribution, keycloakPort)
                .realm(realmFile)
                .logFile(logs.resolve("keycloak.log"))
                .pidFile(home.resolve("keycloak.pid"))
                .bootstrapAdmin(
                    "admin", readOrCreateSecret(home.resolve("keycloak-admin-password"))));
    say("Keycloak: ready " + since(t));
    String realm = KeycloakServer.realmName(realmFile);
    String secret = KeycloakServer.clientSecret(realmFile, "mdt-api");
    String realmUrl = keycloak.realmUrl(realm);
    serviceEnv.put("QUARKUS_OIDC_AUTH_SERVER_URL", realmUrl);
    serviceEnv.put("QUARKUS_OIDC_CREDENTIALS_SECRET", secret);
    serviceEnv.put("MDT_KEYCLOAK_SERVER_URL", keycloak.baseUrl());
    serviceEnv.put("MDT_KEYCLOAK_REALM", realm);
    serviceEnv.put("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL", keycloak.baseUrl());
    serviceEnv.put("QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET", secret);
    return realmUrl;
  }

  /**
   * Keycloak imports a realm only into an empty database; an edited realm file would otherwise be
   * ignored without a word.
   */
  private void warnIfRealmChanged(Path distribution, boolean firstStart) {
    Path recorded = home.resolve("keycloak-realm.sha256");
    String current = sha256(realmFile);
    try {
      if (firstStart || !Files.exists(recorded)) {
        Files.writeString(recorded, current);
      } else if (!Files.readString(recorded).trim().equals(current)) {
        say(
            "WARNING: keycloak-realm.json changed since Keycloak imported it. To import it again"
                + " (losing users created since): stop, delete "
                + distribution.resolve("data/h2")
                + " and "
                + recorded
                + ", run again.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void startService(Map<String, String> serviceEnv) {
    if (!Files.isRegularFile(serviceJar)) {
      throw new IllegalStateException(serviceJar + " not found: build with ./mvnw package first");
    }
    say("Service: starting " + serviceJar + "...");
    Instant t = Instant.now();
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add(
          "/usr/bin/setsid"); // Ctrl-C reaches the launcher only; it stops children in order
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(env.getOrDefault("MDT_SERVICE_JAVA_OPTS", "-Xms64m -Xmx512m").split("\\s+")));
    command.add("-jar");
    command.add(serviceJar.toAbsolutePath().toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(serviceEnv);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("service.log").toFile()));
    try {
      service = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("the service did not start", e);
    }
    OwnedProcesses.record(servicePidFile(), List.of(service.toHandle()));
    awaitServiceReady(t);
    say("Service: ready on 127.0.0.1:" + servicePort + " " + since(t));
  }

  private void awaitServiceReady(Instant start) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = URI.create("http://127.0.0.1:" + servicePort + "/q/health/ready");
    while (true) {
      if (!service.isAlive()) {
        throw new IllegalStateException(
            "the service exited with status "
                + service.exitValue()
                + "; see "
                + logs.resolve("service.log"));
      }
      if (Instant.now().isAfter(start.plus(SERVICE_START_TIMEOUT))) {
        throw new IllegalStateException(
            "the service was not ready after "
                + SERVICE_START_TIMEOUT
                + "; see "
                + logs.resolve("service.log"));
      }
      try {
        HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build();
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted");
      }
      sleep(Duration.ofMillis(500));
    }
  }

  /** Service first (it holds connections to both), then Keycloak, then the database. */
  private synchronized void stop() {
    stopping = true;
    boolean anything = service != null || keycloak != null || database != null;
    if (anything) {
      say("Stopping...");
    }
    if (service != null) {
      service.destroy();
      try {
        if (!service.waitFor(SERVICE_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          service.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        service.destroyForcibly();
      }
      OwnedProcesses.forget(servicePidFile());
      say("Service: stopped");
      service = null;
    }
    if (keycloak != null) {
      keycloak.close();
      say("Keycloak: stopped");
      keycloak = null;
    }
    if (database != null) {
      try {
        database.close();
      } catch (IOException e) {
        say("PostgreSQL: " + e.getMessage());
      }
      say("PostgreSQL: stopped");
      database = null;
    }
  }

  private Path servicePidFile() {
    return home.resolve("service.pid");
  }

  private void printBanner(String realmUrl, String elapsed) {
    String api = "http://127.0.0.1:" + servicePort;
    StringBuilder out = new StringBuilder();
    out.append("\n==================================================================\n");
    out.append(" MDT case review is running ").append(elapsed).append('\n');
    out.append("==================================================================\n");
    out.append(String.format(" %-22s %s%n", "Web client (browser)", api + "/"));
    out.append(String.format(" %-22s %s%n", "API", api + "/api/v1"));
    out.append(String.format(" %-22s %s%n", "OpenAPI", api + "/q/openapi"));
    out.append(String.format(" %-22s %s%n", "Health", api + "/q/health"));
    out.append(String.format(" %-22s %s%n", "Keycloak realm", realmUrl));
    if (keycloak != null) {
      out.append(
          String.format(
              " %-22s %s (user admin, password in %s)%n",
              "Keycloak admin console",
              keycloak.baseUrl() + "/admin/",
              home.resolve("keycloak-admin-password")));
    }
    if (database != null) {
      out.append(String.format(" %-22s %s%n", "PostgreSQL", database.jdbcUrl()));
    }
    out.append(String.format(" %-22s %s%n", "Logs", logs));
    out.append("\n Demo logins (password: demo)\n");
    out.append(String.format(" %-18s %-12s %s%n", "username", "roles", "agency"));
    JsonNode directory = readJson(demoDirectory);
    Map<String, String> agencies = new HashMap<>();
    directory
        .get("agencies")
        .forEach(a -> agencies.put(a.get("id").asText(), a.get("name").asText()));
    for (JsonNode member : directory.get("members")) {
      List<String> roles = new ArrayList<>();
      member.get("roles").forEach(r -> roles.add(r.asText()));
      out.append(
          String.format(
              " %-18s %-12s %s%n",
              member.get("username").asText(),
              String.join(",", roles),
              agencies.get(member.get("agencyId").asText())));
    }
    out.append("\n A token for curl:  TOKEN=$(scripts/demo-token.sh cora.coordinator)\n");
    out.append(" Stop everything:   Ctrl-C\n");
    System.out.println(out);
  }

  /** A random secret kept in a file only its owner can read, created on first use. */
  static String readOrCreateSecret(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      String secret = randomSecret();
      Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void createPrivateDirectory(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireFreePort(int port, String what) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(
          "port " + port + " is in use; it is needed for " + what + ". Is another ./run running?");
    }
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String since(Instant start) {
    return "(" + Duration.between(start, Instant.now()).toSeconds() + " s)";
  }

  private static void say(String line) {
    System.out.println("[run] " + line);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
