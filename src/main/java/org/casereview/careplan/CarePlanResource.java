package org.casereview.careplan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.casereview.api.Ids;
import org.casereview.api.Uuid;
import org.casereview.disclosure.PurposeOfUse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A case's care plan over HTTP: needs, service referrals and safety plans. */
@Path("/api/v1/cases/{caseId}/care-plan")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Care plans")
public class CarePlanResource {

  @Inject CarePlanService carePlans;

  @GET
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "Needs, service referrals and safety plans, as the policy allows")
  public CarePlanService.CarePlanView read(
      @PathParam("caseId") @Uuid String caseId, @HeaderParam(PurposeOfUse.HEADER) String purpose) {
    return carePlans.read(Ids.parse(caseId, "caseId"), PurposeOfUse.require(purpose));
  }

  @POST
  @Path("/needs")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "Record a need of the youth")
  public Response need(
      @PathParam("caseId") @Uuid String caseId, @NotNull @Valid CarePlanRequests.Need request) {
    return Response.status(201)
        .entity(carePlans.identifyNeed(Ids.parse(caseId, "caseId"), request))
        .build();
  }

  @POST
  @Path("/service-referrals")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "Refer the youth to a provider agency for a need (status SENT)")
  public Response refer(
      @PathParam("caseId") @Uuid String caseId, @NotNull @Valid CarePlanRequests.Referral request) {
    return Response.status(201)
        .entity(carePlans.refer(Ids.parse(caseId, "caseId"), request))
        .build();
  }

  @POST
  @Path("/safety-plans")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(
      summary = "Record an emergency or long-term safety plan with the agencies named on it",
      description = "Supersedes the active plan of the same kind.")
  public Response safetyPlan(
      @PathParam("caseId") @Uuid String caseId,
      @NotNull @Valid CarePlanRequests.SafetyPlan request) {
    return Response.status(201)
        .entity(carePlans.recordSafetyPlan(Ids.parse(caseId, "caseId"), request))
        .build();
  }
}
