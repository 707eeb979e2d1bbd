package org.casereview.identity;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.UUID;
import org.casereview.policy.Role;
import org.casereview.policy.Sector;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the service thinks the caller is: the client app's first call after login. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class MeResource {

  @Inject CurrentCaller callers;

  /** The caller's membership facts. */
  public record Me(
      UUID memberId,
      UUID agencyId,
      Sector sector,
      Set<Role> roles,
      boolean trainingCurrent,
      boolean mouActive) {}

  @GET
  @Authenticated
  @Operation(summary = "The caller's member id, agency, roles, training and MOU state")
  public Me me() {
    Caller c = callers.get();
    return new Me(
        c.memberId(), c.agencyId(), c.sector(), c.roles(), c.trainingCurrent(), c.mou().active());
  }
}
