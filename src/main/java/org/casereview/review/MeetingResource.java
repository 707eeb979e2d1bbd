package org.casereview.review;

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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.casereview.api.Cursor;
import org.casereview.api.Ids;
import org.casereview.api.Uuid;
import org.casereview.disclosure.PurposeOfUse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Review meetings over HTTP. */
@Path("/api/v1/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Review meetings")
public class MeetingResource {

  @Inject MeetingService meetings;
  @Inject ActionItemService actionItems;

  /** The confidentiality statement attendees acknowledge. */
  public record Statement(String version, String text) {}

  @POST
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Schedule a review meeting: date, facilitator, invited agencies, quorum")
  public Response schedule(@NotNull @Valid MeetingRequests.Schedule request) {
    MeetingViews.Meeting meeting = meetings.schedule(request);
    return Response.created(URI.create("/api/v1/meetings/" + meeting.id())).entity(meeting).build();
  }

  @GET
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "Meetings my agency is invited to (a coordinator sees all), latest first")
  public List<MeetingViews.Meeting> list(@QueryParam("limit") Integer limit) {
    return meetings.list(Cursor.limit(limit));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "The meeting's date, status, invited agencies and start flags")
  public MeetingViews.Meeting read(@PathParam("id") @Uuid String id) {
    return meetings.read(Ids.parse(id, "id"));
  }

  @POST
  @Path("/{id}/agenda")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Add cases to the agenda (every invited agency must take part in each)")
  public MeetingViews.Meeting addToAgenda(
      @PathParam("id") @Uuid String id, @NotNull @Valid MeetingRequests.Agenda request) {
    return meetings.addToAgenda(Ids.parse(id, "id"), request);
  }

  @GET
  @Path("/{id}/agenda")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "The circulated agenda: each case's number and status, as the policy allows")
  public List<MeetingViews.AgendaCase> agenda(
      @PathParam("id") @Uuid String id, @HeaderParam(PurposeOfUse.HEADER) String purpose) {
    return meetings.agenda(Ids.parse(id, "id"), PurposeOfUse.require(purpose));
  }

  @POST
  @Path("/{id}/circulate")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Circulate the agenda to the invited agencies (SCHEDULED -> CIRCULATED)")
  public MeetingViews.Meeting circulate(@PathParam("id") @Uuid String id) {
    return meetings.circulate(Ids.parse(id, "id"));
  }

  @GET
  @Path("/confidentiality-statement")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "The confidentiality commitment every attendee acknowledges")
  public Statement statement() {
    return new Statement(ConfidentialityStatement.VERSION, ConfidentialityStatement.TEXT);
  }

  @POST
  @Path("/{id}/attendance")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "Check in to the meeting (members of invited agencies)")
  public MeetingViews.AttendeeView checkIn(@PathParam("id") @Uuid String id) {
    return meetings.checkIn(Ids.parse(id, "id"));
  }

  @GET
  @Path("/{id}/attendance")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Who is present and who has acknowledged")
  public MeetingViews.Attendance attendance(@PathParam("id") @Uuid String id) {
    return meetings.attendance(Ids.parse(id, "id"));
  }

  @POST
  @Path("/{id}/acknowledgement")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "Acknowledge the confidentiality commitment; required before any content")
  public MeetingViews.AttendeeView acknowledge(
      @PathParam("id") @Uuid String id, @NotNull @Valid MeetingRequests.Acknowledge request) {
    return meetings.acknowledge(Ids.parse(id, "id"), request);
  }

  @POST
  @Path("/{id}/start")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Start the meeting; flagged without quorum or with an agency without MOU")
  public MeetingViews.Meeting start(@PathParam("id") @Uuid String id) {
    return meetings.start(Ids.parse(id, "id"));
  }

  @POST
  @Path("/{id}/close")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Close the meeting")
  public MeetingViews.Meeting close(@PathParam("id") @Uuid String id) {
    return meetings.close(Ids.parse(id, "id"));
  }

  @GET
  @Path("/{id}/view")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(
      summary = "The meeting as I may see it (purpose CASE_REVIEW)",
      description =
          "Each agenda case with every field disclosed or withheld for the caller's agency. No"
              + " case content until the caller has checked in and acknowledged confidentiality.")
  public MeetingViews.View view(
      @PathParam("id") @Uuid String id, @HeaderParam(PurposeOfUse.HEADER) String purpose) {
    return meetings.view(Ids.parse(id, "id"), PurposeOfUse.require(purpose));
  }

  @GET
  @Path("/{id}/visibility")
  @RolesAllowed("case-coordinator")
  @Operation(
      summary = "Who cannot see what: per agenda case and attendee, the withheld fields and why",
      description = "Decided by the policy engine, never decrypted: no values.")
  public MeetingViews.Visibility visibility(@PathParam("id") @Uuid String id) {
    return meetings.visibility(Ids.parse(id, "id"));
  }

  @POST
  @Path("/{id}/cases/{caseId}/minutes")
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "Record a discussion note, decision or recommendation (labelled, sealed)")
  public Response minute(
      @PathParam("id") @Uuid String id,
      @PathParam("caseId") @Uuid String caseId,
      @NotNull @Valid MeetingRequests.Minute request) {
    MeetingViews.Created created =
        meetings.recordMinute(Ids.parse(id, "id"), Ids.parse(caseId, "caseId"), request);
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @PUT
  @Path("/{id}/cases/{caseId}/next-review")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Set the case's next review date")
  public void nextReview(
      @PathParam("id") @Uuid String id,
      @PathParam("caseId") @Uuid String caseId,
      @NotNull @Valid MeetingRequests.NextReview request) {
    meetings.setNextReview(Ids.parse(id, "id"), Ids.parse(caseId, "caseId"), request);
  }

  @POST
  @Path("/{id}/cases/{caseId}/action-items")
  @RolesAllowed("case-coordinator")
  @Operation(summary = "Assign an action item: owner agency and member, due date, report-back")
  public Response actionItem(
      @PathParam("id") @Uuid String id,
      @PathParam("caseId") @Uuid String caseId,
      @NotNull @Valid MeetingRequests.NewActionItem request) {
    MeetingViews.Created created =
        actionItems.create(Ids.parse(id, "id"), Ids.parse(caseId, "caseId"), request);
    return Response.created(URI.create("/api/v1/action-items/" + created.id()))
        .entity(created)
        .build();
  }
}
