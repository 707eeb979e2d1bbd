package org.casereview.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.casereview.api.ApiProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** De-identified evaluation statistics over HTTP. */
@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation statistics")
public class StatisticsResource {

  @Inject StatisticsService statistics;

  @GET
  @RolesAllowed("case-coordinator")
  @Operation(
      summary = "De-identified aggregates for one calendar year",
      description =
          "Referrals by source sector and month, time from referral to first review, needs"
              + " identified and services completed, case outcomes. Counts from 1 to 10 are"
              + " suppressed, parts are suppressed when the remainder is small, no totals.")
  public StatisticsService.Statistics read(@QueryParam("year") Integer year) {
    if (year == null || year < 2000 || year > 2100) {
      throw ApiProblem.invalid("year", "a calendar year between 2000 and 2100 is required");
    }
    return statistics.produce(year);
  }
}
