package org.casereview.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak server from the {@code keycloak-quarkus-dist} distribution, run as a child
 * process in dev mode on 127.0.0.1 with realm files imported. Used by the end-to-end tests ({@link
 * KeycloakResource}) and by the run command.
 *
 * <p>The processes it starts are recorded in a pid file together with the pid of the JVM that owns
 * them, so that a server left behind by a killed JVM is stopped on the next start instead of
 * holding the port.
 */
public final class KeycloakServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final Path distribution;
  private final Path pidFile;
  private final List<String> realms;

  private KeycloakServer(
      Process process, int port, Path distribution, Path pidFile, List<String> realms) {
    this.process = process;
    this.port = port;
    this.distribution = distribution;
    this.pidFile = pidFile;
    this.realms = realms;
  }

  /** How to start a server; every field but the distribution and port has a default. */
  public static final class Options {
    private final Path distribution;
    private final int port;
    private final List<Path> realmFiles = new ArrayList<>();
    private boolean inMemory;
    private Path logFile;
    private Path pidFile;
    private final Map<String, String> environment = new HashMap<>();
    private Duration startTimeout = Duration.ofMinutes(5);
    private boolean fixedHostname = true;

    public Options(Path distribution, int port) {
      this.distribution = distribution;
      this.port = port;
    }

    /** A realm export to import on start (skipped by Keycloak when the realm already exists). */
    public Options realm(Path realmFile) {
      realmFiles.add(realmFile);
      return this;
    }

    /** An in-memory H2 database: every start is a fresh import. For tests. */
    public Options inMemory(boolean inMemory) {
      this.inMemory = inMemory;
      return this;
    }

    public Options logFile(Path logFile) {
      this.logFile = logFile;
      return this;
    }

    public Options pidFile(Path pidFile) {
      this.pidFile = pidFile;
      return this;
    }

    /** The temporary administrator of the master realm, created on the very first start. */
    public Options bootstrapAdmin(String username, String password) {
      environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", username);
      environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
      return this;
    }

    /**
     * Whether the issuer is pinned to {@code http://127.0.0.1:PORT} (the default), so that a
     * browser on {@code localhost} gets tokens with the issuer the service expects.
     */
    public Options fixedHostname(boolean fixedHostname) {
      this.fixedHostname = fixedHostname;
      return this;
    }

    public Options startTimeout(Duration startTimeout) {
      this.startTimeout = startTimeout;
      return this;
    }
  }

  /**
   * The unpacked distribution: {@code dir} itself if it holds {@code bin/kc.sh}, otherwise its one
   * {@code keycloak-*} subdirectory (the layout of the unpacked tar.gz).
   */
  public static Path distributionIn(Path dir) {
    if (Files.isRegularFile(dir.resolve("bin/kc.sh"))) {
      return dir.toAbsolutePath().normalize();
    }
    List<Path> candidates = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, "keycloak-*")) {
        for (Path child : children) {
          if (Files.isRegularFile(child.resolve("bin/kc.sh"))) {
            candidates.add(child);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (candidates.size() != 1) {
      throw new IllegalStateException(
          "expected one unpacked Keycloak distribution in "
              + dir
              + ", found "
              + candidates.size()
              + " (run ./mvnw verify, or ./run, which unpack it)");
    }
    return candidates.get(0).toAbsolutePath().normalize();
  }

  /** Starts the server and waits until every imported realm answers its discovery document. */
  public static KeycloakServer start(Options options) {
    Path distribution = distributionIn(options.distribution);
    Path pidFile =
        options.pidFile != null ? options.pidFile : distribution.resolve("data/mdt-owned.pid");
    try {
      OwnedProcesses.stopOrphans(pidFile, distribution.toString());
      List<String> realms = stageRealmImports(distribution, options.realmFiles);

      List<String> command = new ArrayList<>();
      if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
        // Own session: a Ctrl-C in the terminal reaches only the launcher, which then stops the
        // children in order (service first, then Keycloak, then the database).
        command.add("/usr/bin/setsid");
      }
      command.add(distribution.resolve("bin/kc.sh").toString());
      command.add("start-dev");
      command.add("--http-host=127.0.0.1");
      command.add("--http-port=" + options.port);
      command.add("--db=" + (options.inMemory ? "dev-mem" : "dev-file"));
      command.add("--import-realm");
      if (options.fixedHostname) {
        command.add("--hostname=http://127.0.0.1:" + options.port);
      }

      ProcessBuilder builder = new ProcessBuilder(command).directory(distribution.toFile());
      builder.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
      builder.environment().putAll(options.environment);
      builder.redirectErrorStream(true);
      Path log =
          options.logFile != null
              ? options.logFile
              : distribution.resolve("data/log/keycloak-" + options.port + ".log");
      Files.createDirectories(log.toAbsolutePath().getParent());
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Process process = builder.start();

      KeycloakServer server =
          new KeycloakServer(process, options.port, distribution, pidFile, realms);
      OwnedProcesses.record(pidFile, List.of(process.toHandle()));
      try {
        server.awaitReady(options.startTimeout, log);
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      // The script forwards SIGTERM to its java child; the child's pid is kept too because a
      // SIGKILLed script leaves the java process running.
      OwnedProcesses.record(pidFile, process.descendants().toList());
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Keycloak did not start", e);
    }
  }

  private static List<String> stageRealmImports(Path distribution, List<Path> realmFiles)
      throws IOException {
    Path importDir = distribution.resolve("data/import");
    Files.createDirectories(importDir);
    try (DirectoryStream<Path> old = Files.newDirectoryStream(importDir, "*-realm.json")) {
      for (Path file : old) {
        Files.delete(file);
      }
    }
    List<String> realms = new ArrayList<>();
    for (Path file : realmFiles) {
      String realm = realmName(file);
      // Keycloak insists that an import file is named after the realm it holds.
      Files.copy(
          file, importDir.resolve(realm + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
      realms.add(realm);
    }
    return realms;
  }

  /** The {@code realm} field of a realm export. */
  public static String realmName(Path realmFile) {
    return realmJson(realmFile).get("realm").asText();
  }

  /** The client secret of a confidential client as written in a realm export. */
  public static String clientSecret(Path realmFile, String clientId) {
    for (JsonNode client : realmJson(realmFile).get("clients")) {
      if (clientId.equals(client.get("clientId").asText())) {
        return client.get("secret").asText();
      }
    }
    throw new IllegalArgumentException("no client " + clientId + " in " + realmFile);
  }

  private static JsonNode realmJson(Path realmFile) {
    try {
      return JSON.readTree(realmFile.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady(Duration timeout, Path log) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    List<String> pending = new ArrayList<>(realms.isEmpty() ? List.of("master") : realms);
    while (!pending.isEmpty()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak exited with status " + process.exitValue() + "; see " + log);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Keycloak not ready after " + timeout + "; see " + log);
      }
      String realm = pending.get(0);
      try {
        HttpRequest request =
            HttpRequest.newBuilder(
                    URI.create(realmUrl(realm) + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          pending.remove(0);
          continue;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Keycloak", e);
      }
      sleep(Duration.ofMillis(500));
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:PORT}: the admin client's server URL. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The issuer, and the OIDC auth-server-url of the service. */
  public String realmUrl(String realm) {
    return baseUrl() + "/realms/" + realm;
  }

  public Path distribution() {
    return distribution;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Stops the server (SIGTERM, then SIGKILL after 30 s) and forgets its pids. */
  @Override
  public void close() {
    OwnedProcesses.stop(process.toHandle());
    OwnedProcesses.forget(pidFile);
  }
}
