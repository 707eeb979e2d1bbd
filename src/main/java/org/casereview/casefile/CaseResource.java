package org.casereview.casefile;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.casereview.api.Cursor;
import org.casereview.api.Ids;
import org.casereview.api.Page;
import org.casereview.disclosure.PurposeOfUse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Cases over HTTP. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CaseResource {

  @Inject CaseService cases;

  @GET
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "Cases my agency takes part in (a coordinator sees all)")
  public Page<CaseView> list(
      @HeaderParam(PurposeOfUse.HEADER) String purpose,
      @QueryParam("status") CaseStatus status,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    return cases.list(
        new CaseFilter(status, Cursor.decode(cursor), Cursor.limit(limit)),
        PurposeOfUse.require(purpose));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "One case, each field disclosed or withheld with its reason")
  public CaseView read(
      @PathParam("id") String id, @HeaderParam(PurposeOfUse.HEADER) String purpose) {
    return cases.read(Ids.parse(id, "id"), PurposeOfUse.require(purpose));
  }

  @PUT
  @Path("/{id}/agencies")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Assign the lead agency and participating agencies (active MOU only)")
  public void assign(
      @PathParam("id") String id, @NotNull @Valid CaseRequests.AssignAgencies request) {
    cases.assign(Ids.parse(id, "id"), request);
  }

  @PUT
  @Path("/{id}/flags")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Record the facts statutory exceptions depend on (foster care...)")
  public void flags(@PathParam("id") String id, @NotNull @Valid CaseRequests.Flags request) {
    cases.setFlags(Ids.parse(id, "id"), request);
  }

  @POST
  @Path("/{id}/close")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Close the case with an outcome")
  public void close(@PathParam("id") String id, @NotNull @Valid CaseRequests.Close request) {
    cases.close(Ids.parse(id, "id"), request);
  }
}
