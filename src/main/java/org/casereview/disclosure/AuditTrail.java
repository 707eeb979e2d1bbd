package org.casereview.disclosure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casereview.api.ApiProblem;
import org.casereview.api.ErrorCode;
import org.casereview.audit.AuditEvent;
import org.casereview.audit.AuditEventType;
import org.casereview.audit.AuditLog;
import org.casereview.identity.Caller;
import org.casereview.identity.CurrentCaller;
import org.casereview.identity.RequestContext;
import org.casereview.policy.Purpose;
import org.casereview.policy.Role;

/**
 * Audit entries for what is not a field disclosure: writes that change confidential data (in the
 * caller's transaction) and refusals of a whole request (in their own, so a rollback cannot erase
 * them). Details are codes and ids, never values.
 */
@ApplicationScoped
public class AuditTrail {

  @Inject AuditLog audit;
  @Inject CurrentCaller callers;
  @Inject RequestContext requestContext;

  /** A change made by the current caller; same transaction as the change. */
  public void change(
      AuditEventType type,
      UUID subjectId,
      UUID caseId,
      UUID resourceId,
      Map<String, String> details) {
    AuditEvent.Builder event = base(type, callers.get());
    event.subjectId(subjectId).caseId(caseId).recordId(resourceId);
    details.forEach(event::detail);
    audit.record(event.build());
  }

  /**
   * Records that the current caller was refused a whole request, then throws the problem the caller
   * gets. The entry is written even though the request fails.
   */
  public ApiProblem refuse(
      Purpose purpose,
      UUID subjectId,
      UUID caseId,
      UUID resourceId,
      String reasonCode,
      ApiProblem problem) {
    AuditEvent.Builder event = base(AuditEventType.REFUSAL, callers.get());
    event
        .purpose(purpose == null ? Purpose.CASE_REVIEW : purpose)
        .subjectId(subjectId)
        .caseId(caseId)
        .recordId(resourceId)
        .reason(reasonCode);
    if (purpose == null) {
      event.detail("purposeStated", "false");
    }
    audit.recordRefusal(event.build());
    return problem;
  }

  /** A refusal that ends in "not found": the caller learns nothing about the resource. */
  public ApiProblem refuseAsNotFound(
      Purpose purpose, UUID subjectId, UUID caseId, UUID resourceId, String what) {
    return refuse(
        purpose,
        subjectId,
        caseId,
        resourceId,
        "NOT_VISIBLE",
        new ApiProblem(ErrorCode.NOT_FOUND, what + " not found"));
  }

  private AuditEvent.Builder base(AuditEventType type, Caller caller) {
    return AuditEvent.builder(type)
        .requestId(requestContext.requestId())
        .actor(caller.memberId(), caller.agencyId())
        .roles(caller.roles().stream().map(Role::realmRole).collect(Collectors.toSet()));
  }
}
