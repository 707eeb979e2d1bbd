package org.casereview.breakglass;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.casereview.identity.RegisteredMember;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's emergency accesses in force, so that a client can show the emergency on every screen
 * for as long as it lasts. Ids and times only; the justification stays sealed.
 */
@Path("/api/v1/break-glass/mine")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Break-glass")
@RegisteredMember
public class MyBreakGlassResource {

  @Inject BreakGlassService breakGlass;

  @GET
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "My emergency accesses in force now (case, from, until)")
  public List<BreakGlassService.Granted> inForce() {
    return breakGlass.inForce();
  }
}
