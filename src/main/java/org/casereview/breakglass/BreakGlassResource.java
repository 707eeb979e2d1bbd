package org.casereview.breakglass;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.casereview.api.Ids;
import org.casereview.api.Uuid;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Emergency access and the notifications it raises. */
@Path("/api/v1/cases/{id}/break-glass")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Break-glass")
public class BreakGlassResource {

  @Inject BreakGlassService breakGlass;

  /** The member's written justification (stored encrypted). */
  @Schema(name = "BreakGlassRequest")
  public record Claim(@NotBlank @Size(min = 20, max = 4000) String justification) {
    @Override
    public String toString() {
      return "Claim[redacted]";
    }
  }

  @POST
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(
      summary = "Claim an emergency (imminent danger to the youth)",
      description =
          "Opens what the policy pack allows in emergencies (by default SAFETY_LOCATION and HEALTH)"
              + " to reads with purpose EMERGENCY, for a short fixed time. Flagged in the audit"
              + " log; coordinators and auditors are notified.")
  public Response claim(@PathParam("id") @Uuid String id, @NotNull @Valid Claim request) {
    return Response.status(201)
        .entity(breakGlass.claim(Ids.parse(id, "id"), request.justification()))
        .build();
  }
}
