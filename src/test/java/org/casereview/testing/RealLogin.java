package org.casereview.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Logs a user in to Keycloak the way the browser client does: the authorization code flow of the
 * public client {@value #WEB_CLIENT} with PKCE (S256), at the HTTP level. It requests the
 * authorization endpoint, submits Keycloak's login form with the session cookies, takes the code
 * from the redirect and exchanges it with the code verifier. The realm offers no password grant, so
 * this is the only way to a user's token, as in production.
 */
public final class RealLogin {

  public static final String WEB_CLIENT = "mdt-web";

  /**
   * A registered redirect URI of mdt-web; nothing listens there, the redirect is read, not
   * followed.
   */
  public static final String REDIRECT_URI = "http://127.0.0.1:8080/callback";

  public static final String DEMO_PASSWORD = "demo";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern LOGIN_FORM =
      Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");

  private final String realmUrl;

  /**
   * @param realmUrl the issuer, e.g. {@code http://127.0.0.1:8180/realms/mdt}
   */
  public RealLogin(String realmUrl) {
    this.realmUrl = realmUrl;
  }

  /** Logins against the demo realm of the shared test Keycloak. */
  public static RealLogin demoRealm() {
    return new RealLogin(KeycloakResource.realmUrl());
  }

  /** The tokens of one login. */
  public record Tokens(String accessToken, String refreshToken, String idToken) {
    @Override
    public String toString() {
      return "Tokens[redacted]";
    }
  }

  /** Thrown when Keycloak does not issue a code (wrong password, locked or disabled user...). */
  public static final class LoginRefused extends RuntimeException {
    LoginRefused(String message) {
      super(message);
    }
  }

  /** The access token of a demo user (password {@value #DEMO_PASSWORD}). */
  public String accessToken(String username) {
    return login(username, DEMO_PASSWORD).accessToken();
  }

  public Tokens login(String username, String password) {
    HttpClient http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    // Keycloak marks its session cookies Secure; a browser still sends them to a loopback origin
    // over http, java.net.CookieManager does not, so the cookie jar is kept by hand.
    Map<String, String> cookies = new LinkedHashMap<>();
    String verifier = randomUrlSafe(48);
    String state = randomUrlSafe(16);

    Map<String, String> authorization = new LinkedHashMap<>();
    authorization.put("client_id", WEB_CLIENT);
    authorization.put("response_type", "code");
    authorization.put("scope", "openid");
    authorization.put("redirect_uri", REDIRECT_URI);
    authorization.put("state", state);
    authorization.put("nonce", randomUrlSafe(16));
    authorization.put("code_challenge", s256(verifier));
    authorization.put("code_challenge_method", "S256");
    HttpResponse<String> page =
        send(
            http,
            get(realmUrl + "/protocol/openid-connect/auth?" + form(authorization), cookies),
            cookies);
    String action =
        loginFormAction(page.body())
            .orElseThrow(
                () ->
                    new LoginRefused(
                        "no login form from the authorization endpoint (HTTP "
                            + page.statusCode()
                            + ")"));

    Map<String, String> credentials = new LinkedHashMap<>();
    credentials.put("username", username);
    credentials.put("password", password);
    credentials.put("credentialId", "");
    HttpResponse<String> submitted = send(http, post(action, credentials, cookies), cookies);
    Optional<String> location = submitted.headers().firstValue("Location");
    if (submitted.statusCode() != 302
        || location.isEmpty()
        || !location.get().startsWith(REDIRECT_URI)) {
      throw new LoginRefused("Keycloak refused the login of " + username);
    }
    Map<String, String> returned = query(URI.create(location.get()));
    if (!state.equals(returned.get("state")) || returned.get("code") == null) {
      throw new LoginRefused("the redirect carried no code for this request's state");
    }

    Map<String, String> exchange = new LinkedHashMap<>();
    exchange.put("grant_type", "authorization_code");
    exchange.put("client_id", WEB_CLIENT);
    exchange.put("code", returned.get("code"));
    exchange.put("redirect_uri", REDIRECT_URI);
    exchange.put("code_verifier", verifier);
    HttpResponse<String> token =
        send(http, post(realmUrl + "/protocol/openid-connect/token", exchange, Map.of()), cookies);
    if (token.statusCode() != 200) {
      throw new LoginRefused(
          "the token endpoint refused the code (HTTP " + token.statusCode() + ")");
    }
    JsonNode body = readJson(token.body());
    return new Tokens(
        body.path("access_token").asText(),
        body.path("refresh_token").asText(null),
        body.path("id_token").asText(null));
  }

  /**
   * The claims of a JWT, decoded without verification: for assertions about what Keycloak issued.
   */
  public static JsonNode claims(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a compact JWS");
    }
    return readJson(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
  }

  static Optional<String> loginFormAction(String html) {
    Matcher formTag = LOGIN_FORM.matcher(html);
    if (!formTag.find()) {
      return Optional.empty();
    }
    Matcher action = ACTION.matcher(formTag.group());
    if (!action.find()) {
      return Optional.empty();
    }
    return Optional.of(action.group(1).replace("&amp;", "&"));
  }

  private static HttpRequest get(String uri, Map<String, String> cookies) {
    return withCookies(HttpRequest.newBuilder(URI.create(uri)), cookies).GET().build();
  }

  private static HttpRequest post(
      String uri, Map<String, String> fields, Map<String, String> cookies) {
    return withCookies(HttpRequest.newBuilder(URI.create(uri)), cookies)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
        .build();
  }

  private static HttpRequest.Builder withCookies(
      HttpRequest.Builder request, Map<String, String> cookies) {
    request.timeout(Duration.ofSeconds(30));
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(c -> c.getKey() + "=" + c.getValue())
              .collect(Collectors.joining("; ")));
    }
    return request;
  }

  private static HttpResponse<String> send(
      HttpClient http, HttpRequest request, Map<String, String> cookies) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      for (String header : response.headers().allValues("Set-Cookie")) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq > 0) {
          cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during login", e);
    }
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomUrlSafe(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
