package org.casereview.audit.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.casereview.audit.AuditEvent;
import org.casereview.audit.AuditEventType;
import org.casereview.audit.AuditLog;
import org.casereview.audit.export.ExportFilter;
import org.casereview.audit.export.ExportFormat;
import org.casereview.audit.export.ExportJobs;
import org.casereview.policy.Purpose;

/**
 * Exports of the audit log for auditors, as background jobs: POST starts one and answers 202 with
 * its id; GET shows its progress; when DONE, {@code /file} streams the file and {@code /manifest}
 * gives the signed manifest. Each export is itself recorded in the log (AUDIT_EXPORTED).
 */
@Path("/api/v1/audit/exports")
@RolesAllowed("auditor")
@org.casereview.identity.RegisteredMember
public class AuditExportResource {

  /**
   * What to export. Times are ISO-8601 instants; eventType is an event type name or code; format is
   * ndjson (default), csv or fhir-ndjson.
   */
  public record ExportRequest(
      String format,
      String from,
      String to,
      UUID agencyId,
      UUID memberId,
      UUID subjectId,
      UUID caseId,
      String eventType,
      Boolean breakGlassOnly,
      Boolean refusalsOnly) {}

  private final ExportJobs jobs;
  private final AuditLog auditLog;
  private final SecurityIdentity identity;

  public AuditExportResource(ExportJobs jobs, AuditLog auditLog, SecurityIdentity identity) {
    this.jobs = jobs;
    this.auditLog = auditLog;
    this.identity = identity;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response start(ExportRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
    if (request == null) {
      throw new BadRequestException("an export request body is required");
    }
    ExportFormat format;
    ExportFilter filter;
    try {
      format = ExportFormat.fromId(request.format() == null ? "ndjson" : request.format());
      filter =
          new ExportFilter(
              instant(request.from()),
              instant(request.to()),
              request.agencyId(),
              request.memberId(),
              request.subjectId(),
              request.caseId(),
              eventType(request.eventType()),
              Boolean.TRUE.equals(request.breakGlassOnly()),
              Boolean.TRUE.equals(request.refusalsOnly()));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    AuditEvent.Builder event =
        AuditActor.on(AuditEvent.builder(AuditEventType.AUDIT_EXPORTED), identity)
            .purpose(Purpose.AUDIT)
            .subjectId(filter.subjectId())
            .caseId(filter.caseId())
            .detail("format", format.id());
    for (Map.Entry<String, String> f : filter.canonical().entrySet()) {
      event.detail("filter." + f.getKey(), f.getValue());
    }
    UUID id = UUID.randomUUID();
    AuditEvent built = event.detail("exportId", id.toString()).build();
    // Recorded before the export runs: an export that cannot be audited does not happen.
    QuarkusTransaction.requiringNew().run(() -> auditLog.record(built));
    jobs.start(id, AuditActor.owner(identity), format, filter);
    return Response.accepted(jobs.view(id, AuditActor.owner(identity)).orElseThrow())
        .location(uri.getAbsolutePathBuilder().path(id.toString()).build())
        .build();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public ExportJobs.JobView status(@PathParam("id") UUID id) {
    return jobs.view(id, AuditActor.owner(identity))
        .orElseThrow(() -> new NotFoundException("no such export"));
  }

  @GET
  @Path("{id}/file")
  public Response file(@PathParam("id") UUID id) {
    ExportJobs.Finished done = finished(id);
    StreamingOutput body =
        out -> {
          try (InputStream in = Files.newInputStream(done.file())) {
            in.transferTo(out);
          }
        };
    return Response.ok(body, done.format().mediaType())
        .header(
            "Content-Disposition",
            "attachment; filename=\"audit-export-" + id + done.format().extension() + "\"")
        .build();
  }

  @GET
  @Path("{id}/manifest")
  @Produces(MediaType.APPLICATION_JSON)
  public Response manifest(@PathParam("id") UUID id) throws IOException {
    ExportJobs.Finished done = finished(id);
    return Response.ok(ExportJobs.manifestJson(done.manifest()), MediaType.APPLICATION_JSON)
        .header(
            "Content-Disposition", "attachment; filename=\"audit-export-" + id + ".manifest.json\"")
        .build();
  }

  private ExportJobs.Finished finished(UUID id) {
    String owner = AuditActor.owner(identity);
    if (jobs.view(id, owner).isEmpty()) {
      throw new NotFoundException("no such export");
    }
    return jobs.finished(id, owner)
        .orElseThrow(
            () -> new ClientErrorException("export not finished", Response.Status.CONFLICT));
  }

  private static Instant instant(String s) {
    try {
      return s == null || s.isBlank() ? null : Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("times are ISO-8601 instants, e.g. 2026-01-31T00:00:00Z");
    }
  }

  private static AuditEventType eventType(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    for (AuditEventType t : AuditEventType.values()) {
      if (t.name().equals(s) || t.code().equals(s)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown event type");
  }
}
