package org.casereview.casefile;

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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.casereview.api.Cursor;
import org.casereview.api.Ids;
import org.casereview.api.Page;
import org.casereview.api.Uuid;
import org.casereview.disclosure.PurposeOfUse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Case records over HTTP. */
@Path("/api/v1/cases/{caseId}/records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Case records")
public class CaseRecordResource {

  @Inject CaseRecordService records;

  @POST
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(
      summary = "Add a record from my agency",
      description =
          "Every field carries exactly one data category (fixed by the record type, or chosen by"
              + " the author for FREE_FORM). The author's agency always sees its own record.")
  public Response add(
      @PathParam("caseId") @Uuid String caseId, @NotNull @Valid RecordRequests request) {
    UUID id = records.add(Ids.parse(caseId, "caseId"), request);
    return Response.created(URI.create("/api/v1/cases/" + caseId + "/records/" + id))
        .entity(Map.of("id", id))
        .build();
  }

  @GET
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(
      summary = "The records I may know of, newest first",
      description =
          "Records whose existence the policy withholds from the caller are neither listed nor"
              + " counted; pages may therefore hold fewer items than the limit.")
  public Page<RecordView> list(
      @PathParam("caseId") @Uuid String caseId,
      @HeaderParam(PurposeOfUse.HEADER) String purpose,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    return records.list(
        Ids.parse(caseId, "caseId"),
        PurposeOfUse.require(purpose),
        Cursor.decode(cursor),
        Cursor.limit(limit));
  }

  @GET
  @Path("/{recordId}")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "One record, each field disclosed or withheld with its reason")
  public RecordView read(
      @PathParam("caseId") @Uuid String caseId,
      @PathParam("recordId") @Uuid String recordId,
      @HeaderParam(PurposeOfUse.HEADER) String purpose) {
    return records.read(
        Ids.parse(caseId, "caseId"),
        Ids.parse(recordId, "recordId"),
        PurposeOfUse.require(purpose));
  }
}
