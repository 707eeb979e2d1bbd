package org.casereview.review;

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
import org.casereview.api.Enums;
import org.casereview.api.Ids;
import org.casereview.api.Page;
import org.casereview.api.Uuid;
import org.casereview.disclosure.PurposeOfUse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Action items over HTTP. */
@Path("/api/v1/action-items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Action items")
public class ActionItemResource {

  @Inject ActionItemService actionItems;

  @GET
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(
      summary = "My agency's open action items, or (coordinator, scope=OVERDUE) every overdue one")
  public Page<MeetingViews.ActionItemView> list(
      @HeaderParam(PurposeOfUse.HEADER) String purpose,
      @QueryParam("scope") String scope,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    ActionItemService.Scope parsed =
        Enums.parseOptional(ActionItemService.Scope.class, scope, "scope");
    return actionItems.list(
        parsed == null ? ActionItemService.Scope.MY_AGENCY_OPEN : parsed,
        Cursor.decode(cursor),
        Cursor.limit(limit),
        PurposeOfUse.require(purpose));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "One action item (owner agency or coordinator)")
  public MeetingViews.ActionItemView read(
      @PathParam("id") @Uuid String id, @HeaderParam(PurposeOfUse.HEADER) String purpose) {
    return actionItems.read(Ids.parse(id, "id"), PurposeOfUse.require(purpose));
  }

  @POST
  @Path("/{id}/done")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "Mark the item done (OPEN or OVERDUE -> DONE)")
  public void done(@PathParam("id") @Uuid String id) {
    actionItems.done(Ids.parse(id, "id"));
  }

  @POST
  @Path("/{id}/drop")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "Drop the item with a reason (OPEN or OVERDUE -> DROPPED)")
  public void drop(@PathParam("id") @Uuid String id, @NotNull @Valid MeetingRequests.Drop request) {
    actionItems.drop(Ids.parse(id, "id"), request);
  }
}
