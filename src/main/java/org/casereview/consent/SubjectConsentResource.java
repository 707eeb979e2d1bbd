package org.casereview.consent;

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
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casereview.api.Ids;
import org.casereview.api.Uuid;
import org.casereview.disclosure.PurposeOfUse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A youth's consents over HTTP. */
@Path("/api/v1/subjects/{subjectId}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consents")
public class SubjectConsentResource {

  @Inject ConsentService consents;

  @POST
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(
      summary = "Record a youth's consent",
      description =
          "Refused (422 RULE_VIOLATION, each broken rule named with its citation) when the law"
              + " would not accept it: e.g. a Part 2 consent without a named recipient, a VAWA"
              + " consent without expiry, psychotherapy notes folded into a general consent.")
  public Response record(
      @PathParam("subjectId") @Uuid String subjectId, @NotNull @Valid ConsentRequest request) {
    UUID id = consents.record(Ids.parse(subjectId, "subjectId"), request);
    return Response.created(URI.create("/api/v1/consents/" + id)).entity(Map.of("id", id)).build();
  }

  @GET
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "A youth's consents with their history (active, pending, expired, revoked)")
  public List<ConsentView> list(
      @PathParam("subjectId") @Uuid String subjectId,
      @HeaderParam(PurposeOfUse.HEADER) String purpose) {
    return consents.list(Ids.parse(subjectId, "subjectId"), PurposeOfUse.require(purpose));
  }
}
