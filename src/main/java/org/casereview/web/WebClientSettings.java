package org.casereview.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the web client logs in: the OIDC issuer the service trusts ({@code
 * quarkus.oidc.auth-server-url}, or, where the service verifies tokens with a fixed key as in the
 * tests, {@code quarkus.oidc.token.issuer}) and the public client ({@code mdt.web.client-id}).
 */
@ApplicationScoped
public class WebClientSettings {

  private final String issuer;
  private final String clientId;

  public WebClientSettings(
      @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
      @ConfigProperty(name = "quarkus.oidc.token.issuer") Optional<String> tokenIssuer,
      @ConfigProperty(name = "mdt.web.client-id", defaultValue = "mdt-web") String clientId) {
    this.issuer =
        authServerUrl
            .or(() -> tokenIssuer)
            .filter(s -> !s.isBlank())
            .map(s -> s.replaceAll("/+$", ""))
            .orElse("");
    this.clientId = clientId;
  }

  /** The issuer (realm URL); empty when no identity provider is configured. */
  public String issuer() {
    return issuer;
  }

  public String clientId() {
    return clientId;
  }

  /** {@code scheme://host:port} of the identity provider, or empty. */
  public String identityProviderOrigin() {
    URI uri = issuer.isEmpty() ? null : URI.create(issuer);
    if (uri == null || uri.getScheme() == null || uri.getAuthority() == null) {
      return "";
    }
    return uri.getScheme() + "://" + uri.getAuthority();
  }
}
