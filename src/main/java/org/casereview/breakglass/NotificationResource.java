package org.casereview.breakglass;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.casereview.api.Cursor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Notifications for coordinators and auditors. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Break-glass")
@org.casereview.identity.RegisteredMember
public class NotificationResource {

  @Inject BreakGlassService breakGlass;

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
