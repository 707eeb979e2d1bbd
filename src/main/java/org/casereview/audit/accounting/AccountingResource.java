package org.casereview.audit.accounting;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.casereview.audit.AuditEvent;
import org.casereview.audit.AuditEventType;
import org.casereview.audit.AuditLog;
import org.casereview.audit.web.AuditActor;
import org.casereview.policy.Purpose;

/**
 * GET /api/v1/audit/accounting/{subjectId}: a youth's accounting of disclosures, as JSON or (with
 * {@code Accept: text/html}) as a printable document. The period defaults to the six years HIPAA
 * asks for. Producing one is itself an audit entry (ACCOUNTING_PRODUCED).
 */
@Path("/api/v1/audit/accounting/{subjectId}")
@RolesAllowed("auditor")
@org.casereview.identity.RegisteredMember
public class AccountingResource {

  /** HIPAA 164.528(a): disclosures in the six years before the request. */
  static final Duration DEFAULT_PERIOD = Duration.ofDays(6 * 366);

  private final AccountingService service;
  private final AuditLog auditLog;
  private final SecurityIdentity identity;

  public AccountingResource(
      AccountingService service, AuditLog auditLog, SecurityIdentity identity) {
    this.service = service;
    this.auditLog = auditLog;
    this.identity = identity;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Accounting json(
      @PathParam("subjectId") UUID subjectId,
      @QueryParam("since") String since,
      @QueryParam("until") String until) {
    return produce(subjectId, since, until);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String html(
      @PathParam("subjectId") UUID subjectId,
      @QueryParam("since") String since,
      @QueryParam("until") String until) {
    return AccountingDocument.html(produce(subjectId, since, until));
  }

  private Accounting produce(UUID subjectId, String sinceText, String untilText) {
    if (subjectId == null) {
      throw new BadRequestException("subject id is required");
    }
    Instant until = instant(untilText, Instant.now());
    Instant since = instant(sinceText, until.minus(DEFAULT_PERIOD));
    if (!since.isBefore(until)) {
      throw new BadRequestException("since must be before until");
    }
    AuditEvent event =
        AuditActor.on(AuditEvent.builder(AuditEventType.ACCOUNTING_PRODUCED), identity)
            .purpose(Purpose.AUDIT)
            .subjectId(subjectId)
            .detail("since", since.toString())
            .detail("until", until.toString())
            .build();
    QuarkusTransaction.requiringNew().run(() -> auditLog.record(event));
    try {
      return service.accountingFor(subjectId, since, until);
    } catch (SQLException e) {
      throw new ServerErrorException(
          "accounting unavailable", Response.Status.SERVICE_UNAVAILABLE, e);
    }
  }

  private static Instant instant(String s, Instant fallback) {
    if (s == null || s.isBlank()) {
      return fallback;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new BadRequestException("times are ISO-8601 instants, e.g. 2026-01-31T00:00:00Z");
    }
  }
}
