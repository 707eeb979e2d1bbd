package org.casereview.consent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.casereview.api.ApiProblem;
import org.casereview.api.Ids;
import org.casereview.api.Uuid;
import org.casereview.disclosure.PurposeOfUse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The consent registry over HTTP. */
@Path("/api/v1/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents")
public class ConsentResource {

  @Inject ConsentService consents;

  /** Why a consent is revoked: a code, never free text about the youth. */
  @Schema(name = "RevokeConsentRequest")
  public record Revoke(@NotNull @Pattern(regexp = "[A-Z_]{3,40}") String reasonCode) {}

  @POST
  @Path("/{id}/revoke")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "Revoke a consent: honoured on the very next read, for everyone")
  public void revoke(@PathParam("id") @Uuid String id, @NotNull @Valid Revoke request) {
    consents.revoke(Ids.parse(id, "id"), request.reasonCode());
  }

  @GET
  @Path("/expiring")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Live consents ending within the next N days (default 30)")
  public List<ConsentView> expiring(
      @QueryParam("days") Integer days, @HeaderParam(PurposeOfUse.HEADER) String purpose) {
    int window = days == null ? 30 : days;
    if (window < 1 || window > 366) {
      throw ApiProblem.invalid("days", "must be between 1 and 366");
    }
    return consents.expiring(window, PurposeOfUse.require(purpose));
  }
}
