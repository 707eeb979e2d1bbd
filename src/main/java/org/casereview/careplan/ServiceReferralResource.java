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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.casereview.api.Cursor;
import org.casereview.api.Ids;
import org.casereview.api.Page;
import org.casereview.api.Uuid;
import org.casereview.disclosure.PurposeOfUse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The closed loop of service referrals over HTTP. */
@Path("/api/v1/service-referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Care plans")
public class ServiceReferralResource {

  @Inject CarePlanService carePlans;

  @GET
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(
      summary = "Open loops: service referrals not yet completed or declined",
      description =
          "The coordinator sees every open referral, a provider's member those sent to their"
              + " agency; longest-waiting first, cursor paging, no totals.")
  public Page<CarePlanService.ServiceReferralView> openLoops(
      @HeaderParam(PurposeOfUse.HEADER) String purpose,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    return carePlans.openLoops(
        Cursor.decode(cursor), Cursor.limit(limit), PurposeOfUse.require(purpose));
  }

  @POST
  @Path("/{id}/status")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(
      summary = "Move a service referral along its loop (provider agency or coordinator)",
      description =
          "SENT -> ACCEPTED | DECLINED | COULD_NOT_CONTACT; ACCEPTED -> IN_SERVICE | DECLINED |"
              + " COULD_NOT_CONTACT; IN_SERVICE -> COMPLETED | DECLINED | COULD_NOT_CONTACT;"
              + " COULD_NOT_CONTACT -> SENT | ACCEPTED | DECLINED. Anything else is 409"
              + " ILLEGAL_TRANSITION. DECLINED needs a reason.")
  public void move(
      @PathParam("id") @Uuid String id, @NotNull @Valid CarePlanRequests.Status request) {
    carePlans.moveReferral(Ids.parse(id, "id"), request);
  }
}
