package org.casereview.referral;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.regex.Pattern;
import org.casereview.api.ApiProblem;
import org.casereview.api.Cursor;
import org.casereview.api.Enums;
import org.casereview.api.Ids;
import org.casereview.api.Page;
import org.casereview.api.Uuid;
import org.casereview.casefile.CaseFile;
import org.casereview.disclosure.PurposeOfUse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Referral intake and the coordinator's triage, over HTTP. */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
public class ReferralResource {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

  @Inject ReferralService referrals;
  @Inject DuplicateCheck duplicates;

  @POST
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(
      summary = "Refer a youth to the task force",
      description =
          "Any member refers for their own agency. With an Idempotency-Key header, a retry with"
              + " the same body returns the first result (200) and the same key with another body"
              + " is refused (422).")
  public Response create(
      @Parameter(description = "Client-chosen key that makes retries safe")
          @HeaderParam(IDEMPOTENCY_KEY)
          String idempotencyKey,
      @NotNull @Valid NewReferral request) {
    if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
      throw ApiProblem.invalid(IDEMPOTENCY_KEY, "1 to 200 letters, digits or ._:-");
    }
    ReferralService.Intake intake;
    try {
      intake = referrals.create(request, idempotencyKey);
    } catch (PersistenceException raced) {
      // A concurrent request with the same key committed first: answer with its result.
      intake =
          idempotencyKey == null
              ? rethrow(raced)
              : referrals.replay(request, idempotencyKey).orElseThrow(() -> raced);
    }
    Response.ResponseBuilder response =
        intake.replayed()
            ? Response.ok(intake.receipt()).header("Idempotent-Replayed", "true")
            : Response.created(URI.create("/api/v1/referrals/" + intake.receipt().id()))
                .entity(intake.receipt());
    return response.build();
  }

  @GET
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(
      summary = "The referral queue",
      description =
          "Coordinators see every referral, members their own agency's. Newest first, cursor"
              + " paging, no totals.")
  public Page<ReferralView> list(
      @HeaderParam(PurposeOfUse.HEADER) String purpose,
      @QueryParam("status") String status,
      @QueryParam("urgency") String urgency,
      @QueryParam("sourceAgencyId") @Uuid String sourceAgencyId,
      @QueryParam("receivedFrom") String receivedFrom,
      @QueryParam("receivedTo") String receivedTo,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    ReferralFilter filter =
        new ReferralFilter(
            Enums.parseOptional(ReferralStatus.class, status, "status"),
            Enums.parseOptional(Urgency.class, urgency, "urgency"),
            Ids.parseOptional(sourceAgencyId, "sourceAgencyId"),
            instant(receivedFrom, "receivedFrom"),
            instant(receivedTo, "receivedTo"),
            Cursor.decode(cursor),
            Cursor.limit(limit));
    return referrals.list(filter, PurposeOfUse.require(purpose));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "One referral, each field disclosed or withheld with its reason")
  public ReferralView read(
      @PathParam("id") @Uuid String id, @HeaderParam(PurposeOfUse.HEADER) String purpose) {
    return referrals.read(Ids.parse(id, "id"), PurposeOfUse.require(purpose));
  }

  @GET
  @Path("/{id}/possible-duplicates")
  @RolesAllowed("case-coordinator")
  @Operation(
      summary = "Youths who may be the same as this referral's",
      description =
          "Found by a keyed blind index, without decrypting anything; confirmed by comparing name"
              + " and birth date in memory only where the policy lets the caller see both.")
  public java.util.List<DuplicateCheck.Candidate> possibleDuplicates(
      @PathParam("id") @Uuid String id, @HeaderParam(PurposeOfUse.HEADER) String purpose) {
    return duplicates.candidates(Ids.parse(id, "id"), PurposeOfUse.require(purpose));
  }

  @POST
  @Path("/{id}/triage")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Triage: confirm urgency, add a note (RECEIVED -> TRIAGED)")
  public ReferralReceipt triage(
      @PathParam("id") @Uuid String id, @NotNull @Valid ReferralRequests.Triage request) {
    return referrals.triage(Ids.parse(id, "id"), request);
  }

  @POST
  @Path("/{id}/case")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Open a new case from the referral (-> LINKED)")
  public Response openCase(
      @PathParam("id") @Uuid String id, @Valid ReferralRequests.OpenCase request) {
    CaseFile file = referrals.openCase(Ids.parse(id, "id"), request);
    return Response.created(URI.create("/api/v1/cases/" + file.id))
        .entity(new CaseOpened(file.id, file.caseNumber))
        .build();
  }

  @POST
  @Path("/{id}/link")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Link the referral to an existing open case (-> LINKED)")
  public ReferralReceipt link(
      @PathParam("id") @Uuid String id, @NotNull @Valid ReferralRequests.Link request) {
    return referrals.link(Ids.parse(id, "id"), request);
  }

  @POST
  @Path("/{id}/decline")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Decline the referral with a reason (-> DECLINED)")
  public ReferralReceipt decline(
      @PathParam("id") @Uuid String id, @NotNull @Valid ReferralRequests.Decline request) {
    return referrals.decline(Ids.parse(id, "id"), request);
  }

  @POST
  @Path("/{id}/withdraw")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "The referring agency withdraws its referral (-> WITHDRAWN)")
  public ReferralReceipt withdraw(
      @PathParam("id") @Uuid String id, @Valid ReferralRequests.Withdraw request) {
    return referrals.withdraw(Ids.parse(id, "id"), request);
  }

  /** The id and number of a newly opened case. */
  public record CaseOpened(java.util.UUID id, String caseNumber) {}

  private static Instant instant(String raw, String name) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(raw);
    } catch (RuntimeException e) {
      throw ApiProblem.invalid(name, "must be an RFC 3339 timestamp");
    }
  }

  private static <T> T rethrow(RuntimeException e) {
    throw e;
  }
}
