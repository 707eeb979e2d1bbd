package org.casereview.agency;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.casereview.agency.AgencyViews.MemberView;
import org.casereview.api.Ids;
import org.casereview.api.Uuid;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Members: onboarding and offboarding by administrators. */
@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
@RolesAllowed("admin")
@org.casereview.identity.RegisteredMember
public class MemberResource {

  @Inject MemberService members;

  @GET
  @Operation(summary = "Members, optionally of one agency")
  public List<MemberView> list(@QueryParam("agencyId") @Uuid String agencyId) {
    return members.list(Ids.parseOptional(agencyId, "agencyId"));
  }

  @POST
  @Operation(
      summary = "Onboard a member",
      description =
          "Creates the account in Keycloak with the agency and roles, then registers the member."
              + " The temporary password is returned once and must be changed at first login.")
  public Response onboard(@NotNull @Valid AgencyRequests.Onboard request) {
    AgencyViews.Onboarded onboarded = members.onboard(request);
    return Response.created(URI.create("/api/v1/members/" + onboarded.member().id()))
        .entity(onboarded)
        .build();
  }

  @POST
  @Path("/{id}/offboard")
  @Operation(summary = "Offboard a member: refused at once, account disabled in Keycloak")
  public MemberView offboard(@PathParam("id") @Uuid String id) {
    return members.offboard(Ids.parse(id, "id"));
  }

  @PUT
  @Path("/{id}/training")
  @Operation(summary = "Record a confidentiality-training attestation")
  public MemberView training(
      @PathParam("id") @Uuid String id, @NotNull @Valid AgencyRequests.Training request) {
    return members.recordTraining(Ids.parse(id, "id"), request);
  }
}
