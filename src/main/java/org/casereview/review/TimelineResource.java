package org.casereview.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.casereview.api.Ids;
import org.casereview.api.Uuid;
import org.casereview.disclosure.PurposeOfUse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A case's timeline over HTTP. */
@Path("/api/v1/cases/{caseId}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class TimelineResource {

  @Inject TimelineService timelines;

  @GET
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(
      summary = "The case's history in time order, each event's fields as the policy allows",
      description =
          "Referrals, opening and closing, reviews at meetings, decisions and recommendations,"
              + " action items, needs, service referral steps, safety plans (no details) and"
              + " consent changes. One disclosure, one audit entry.")
  public TimelineService.Timeline timeline(
      @PathParam("caseId") @Uuid String caseId, @HeaderParam(PurposeOfUse.HEADER) String purpose) {
    return timelines.timeline(Ids.parse(caseId, "caseId"), PurposeOfUse.require(purpose));
  }
}
