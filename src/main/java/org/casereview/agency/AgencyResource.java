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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.casereview.agency.AgencyViews.AgencyView;
import org.casereview.api.Ids;
import org.casereview.api.Uuid;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Agencies and their MOUs. Every member may read the registry; only administrators change it. */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies")
@org.casereview.identity.RegisteredMember
public class AgencyResource {

  @Inject AgencyService agencies;

  @GET
  @RolesAllowed({"mdt-member", "case-coordinator", "auditor", "admin"})
  @Operation(summary = "All member agencies with their MOUs")
  public List<AgencyView> list() {
    return agencies.list();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({"mdt-member", "case-coordinator", "auditor", "admin"})
  @Operation(summary = "One agency with its MOUs")
  public AgencyView read(@PathParam("id") @Uuid String id) {
    return agencies.read(Ids.parse(id, "id"));
  }

  @POST
  @RolesAllowed("admin")
  @Operation(summary = "Register an agency")
  public Response create(@NotNull @Valid AgencyRequests.AgencyDetails request) {
    AgencyView created = agencies.create(request);
    return Response.created(URI.create("/api/v1/agencies/" + created.id())).entity(created).build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed("admin")
  @Operation(summary = "Change an agency's name, sector, jurisdiction or legal status")
  public AgencyView update(
      @PathParam("id") @Uuid String id, @NotNull @Valid AgencyRequests.AgencyDetails request) {
    return agencies.update(Ids.parse(id, "id"), request);
  }

  @POST
  @Path("/{id}/mous")
  @RolesAllowed("admin")
  @Operation(summary = "Record a signed MOU")
  public AgencyView addMou(
      @PathParam("id") @Uuid String id, @NotNull @Valid AgencyRequests.MouTerms request) {
    return agencies.addMou(Ids.parse(id, "id"), request);
  }

  @POST
  @Path("/{id}/mous/{mouId}/terminate")
  @RolesAllowed("admin")
  @Operation(summary = "End an MOU today: the agency loses access to case content at once")
  public AgencyView terminateMou(
      @PathParam("id") @Uuid String id, @PathParam("mouId") @Uuid String mouId) {
    return agencies.terminateMou(Ids.parse(id, "id"), Ids.parse(mouId, "mouId"));
  }
}
