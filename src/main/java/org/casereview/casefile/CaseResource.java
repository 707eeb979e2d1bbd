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
import java.util.List;
import org.casereview.api.Cursor;
import org.casereview.api.Enums;
import org.casereview.api.Ids;
import org.casereview.api.Page;
import org.casereview.api.Uuid;
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
  @Inject CaseRecordService records;

  @GET
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "Cases my agency takes part in (a coordinator sees all)")
  public Page<CaseView> list(
      @HeaderParam(PurposeOfUse.HEADER) String purpose,
      @QueryParam("status") String status,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    return cases.list(
        new CaseFilter(
            Enums.parseOptional(CaseStatus.class, status, "status"),
            Cursor.decode(cursor),
            Cursor.limit(limit)),
        PurposeOfUse.require(purpose));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "One case, each field disclosed or withheld with its reason")
  public CaseView read(
      @PathParam("id") @Uuid String id, @HeaderParam(PurposeOfUse.HEADER) String purpose) {
    return cases.read(Ids.parse(id, "id"), PurposeOfUse.require(purpose));
  }

  @GET
  @Path("/{id}/preview")
  @RolesAllowed("case-coordinator")
  @Operation(
      summary = "What an agency would see of this case for a purpose, field by field",
      description =
          "Decisions and explanations only, never values: the coordinator's check before a"
              + " review meeting. Assumes a member of that agency with current training.")
  public List<CaseService.PreviewField> preview(
      @PathParam("id") @Uuid String id,
      @QueryParam("agencyId") @Uuid String agencyId,
      @QueryParam("purpose") String purpose) {
    if (agencyId == null) {
      throw org.casereview.api.ApiProblem.invalid("agencyId", "required");
    }
    return cases.preview(
        Ids.parse(id, "id"),
        Ids.parse(agencyId, "agencyId"),
        PurposeOfUse.require(purpose),
        records);
  }

  @PUT
  @Path("/{id}/agencies")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Assign the lead agency and participating agencies (active MOU only)")
  public void assign(
      @PathParam("id") @Uuid String id, @NotNull @Valid CaseRequests.AssignAgencies request) {
    cases.assign(Ids.parse(id, "id"), request);
  }

  @PUT
  @Path("/{id}/flags")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Record the facts statutory exceptions depend on (foster care...)")
  public void flags(@PathParam("id") @Uuid String id, @NotNull @Valid CaseRequests.Flags request) {
    cases.setFlags(Ids.parse(id, "id"), request);
  }

  @POST
  @Path("/{id}/close")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Close the case with an outcome")
  public void close(@PathParam("id") @Uuid String id, @NotNull @Valid CaseRequests.Close request) {
    cases.close(Ids.parse(id, "id"), request);
  }
}
