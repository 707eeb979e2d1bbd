package org.casereview.disclosure;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.casereview.audit.AuditEvent;
import org.casereview.audit.AuditEventType;
import org.casereview.audit.AuditLog;
import org.casereview.crypto.KeyRotated;
import org.casereview.crypto.SubjectShredded;

/**
 * Writes the crypto layer's events (erasures, key rotations) into the audit log, in the same
 * transaction. Requests are attributed to their caller; background jobs (a re-wrap finishing) are
 * recorded without an actor.
 */
@ApplicationScoped
public class KeyEventsAudit {

  @Inject AuditLog audit;
  @Inject AuditTrail auditTrail;

  void onShredded(@Observes SubjectShredded event) {
    record(AuditEventType.SUBJECT_SHREDDED, event.subjectId(), Map.of("at", event.at().toString()));
  }

  void onRotated(@Observes KeyRotated event) {
    record(
        AuditEventType.KEY_ROTATED,
        event.subjectId(),
        Map.of("kind", event.kind().name(), "keyId", event.keyId(), "at", event.at().toString()));
  }

  private void record(AuditEventType type, java.util.UUID subjectId, Map<String, String> details) {
    if (Arc.container().requestContext().isActive()) {
      auditTrail.change(type, subjectId, null, null, details);
      return;
    }
    AuditEvent.Builder event = AuditEvent.builder(type).subjectId(subjectId);
    details.forEach(event::detail);
    audit.record(event.build());
  }
}
