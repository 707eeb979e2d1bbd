package org.casereview.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response: the app's pages may run only the service's own scripts and
 * styles and talk only to the service and Keycloak (Content-Security-Policy), may not be framed,
 * send no referrer and are not cached. API responses get the same nosniff, referrer and framing
 * rules; their caching is the API's own business.
 */
@ApplicationScoped
public class WebSecurityHeaders {

  static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

  private final String contentSecurityPolicy;

  public WebSecurityHeaders(WebClientSettings settings) {
    this.contentSecurityPolicy = policyFor(settings.identityProviderOrigin());
  }

  /** The policy for an app that logs in at {@code keycloakOrigin}. */
  static String policyFor(String keycloakOrigin) {
    return String.join(
        "; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        ("connect-src 'self' " + keycloakOrigin).strip(),
        ("form-action 'self' " + keycloakOrigin).strip(),
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'");
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE + 1).handler(this::addHeaders);
  }

  private void addHeaders(RoutingContext context) {
    String path = context.normalizedPath();
    context.addHeadersEndHandler(
        ignored -> {
          HttpServerResponse response = context.response();
          response.putHeader("X-Content-Type-Options", "nosniff");
          response.putHeader("Referrer-Policy", "no-referrer");
          response.putHeader("X-Frame-Options", "DENY");
          if (isAppPage(path)) {
            response.putHeader(CONTENT_SECURITY_POLICY, contentSecurityPolicy);
            if (!path.startsWith("/assets/")) {
              // index.html and signed-in.html name the current hashed assets: never cached.
              response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            }
          }
        });
    context.next();
  }

  /** Everything that is not the API or Quarkus' own endpoints is the web client. */
  static boolean isAppPage(String path) {
    return !path.startsWith("/api/") && !path.startsWith("/q/");
  }
}
