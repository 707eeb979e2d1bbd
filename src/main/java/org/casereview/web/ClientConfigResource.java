package org.casereview.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where the browser client logs in: the OIDC issuer the service trusts and the public client id.
 * Public (the client needs it before anyone is signed in) and free of case data.
 */
@Path("/api/v1/client-config")
@Tag(name = "Web client")
public class ClientConfigResource {

  /** The login settings of the web client. */
  public record ClientConfig(String issuer, String clientId) {}

  private final WebClientSettings settings;

  public ClientConfigResource(WebClientSettings settings) {
    this.settings = settings;
  }

  @GET
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Where the web client logs in (OIDC issuer and public client id)")
  public ClientConfig config() {
    return new ClientConfig(settings.issuer(), settings.clientId());
  }
}
