package org.casereview.audit.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.casereview.audit.chain.ChainVerification;
import org.casereview.audit.chain.VerificationReport;

/**
 * Verifies the sealed chain and its signed checkpoints over a range of chain positions and reports
 * the first broken position and why. POST does the same (for clients that treat a possibly
 * long-running check as an action).
 */
@Path("/api/v1/audit/verify")
@RolesAllowed("auditor")
@org.casereview.identity.RegisteredMember
public class AuditVerifyResource {

  private final ChainVerification verification;

  public AuditVerifyResource(ChainVerification verification) {
    this.verification = verification;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public VerificationReport verify(@QueryParam("from") Long from, @QueryParam("to") Long to) {
    long start = from == null ? 1 : from;
    if (start < 1 || (to != null && to < start)) {
      throw new BadRequestException("from and to are chain positions with 1 <= from <= to");
    }
    try {
      return verification.verify(start, to);
    } catch (SQLException e) {
      throw new ServerErrorException(
          "audit verification unavailable", Response.Status.SERVICE_UNAVAILABLE, e);
    }
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public VerificationReport verifyPost(@QueryParam("from") Long from, @QueryParam("to") Long to) {
    return verify(from, to);
  }
}
