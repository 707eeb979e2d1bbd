package org.casereview.breakglass;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.casereview.api.Cursor;
import org.casereview.api.Ids;
import org.casereview.api.Uuid;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Emergency access and the notifications it raises. */
@Path("/api/v1")
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
  @Path("/cases/{id}/break-glass")
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

  /** One notification: what happened, to which case, by whom; never case content. */
  @Schema(name = "Notification")
  public record NotificationView(
      java.util.UUID id,
      String kind,
      java.util.UUID caseId,
      java.util.UUID grantId,
      java.util.UUID memberId,
      java.util.UUID agencyId,
      java.time.Instant createdAt) {}

  @GET
  @Path("/notifications")
  @RolesAllowed({"case-coordinator", "auditor"})
  @Operation(summary = "Notifications for my role (break-glass claims), newest first")
  public List<NotificationView> notifications(@QueryParam("limit") Integer limit) {
    return breakGlass.notifications(Cursor.limit(limit)).stream()
        .map(
            n ->
                new NotificationView(
                    n.id, n.kind, n.caseId, n.grantId, n.memberId, n.agencyId, n.createdAt))
        .toList();
  }
}
