package org.casereview.subject;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.casereview.api.ApiProblem;
import org.casereview.api.ErrorCode;
import org.casereview.audit.AuditEventType;
import org.casereview.crypto.SubjectKeys;
import org.casereview.disclosure.AuditTrail;

/**
 * Crypto-shredding of a youth: the youth's own data key and those of the referrals linked to the
 * youth's cases (each referral recorded the identity under its own subject) are destroyed, and the
 * blind index, a residual identifier, is cleared. What remains holds no identifying value.
 */
@ApplicationScoped
public class SubjectErasure {

  @Inject SubjectKeys keys;
  @Inject EntityManager em;
  @Inject AuditTrail auditTrail;
  @Inject Clock clock;

  @Transactional
  public List<UUID> erase(UUID subjectId, String reasonCode) {
    Subject subject = Subject.findById(subjectId);
    if (subject == null) {
      throw ApiProblem.notFound("Youth");
    }
    if (subject.shreddedAt != null) {
      throw new ApiProblem(ErrorCode.ILLEGAL_TRANSITION, "The youth was already erased");
    }
    Set<UUID> subjects = new LinkedHashSet<>();
    subjects.add(subjectId);
    @SuppressWarnings("unchecked")
    List<UUID> linked =
        em.createQuery(
                "select distinct r.subjectId from Referral r where r.caseId in"
                    + " (select c.id from CaseFile c where c.subjectId = :s)")
            .setParameter("s", subjectId)
            .getResultList();
    subjects.addAll(linked);
    Instant now = Instant.now(clock);
    for (UUID id : subjects) {
      Subject s = Subject.findById(id);
      if (s.shreddedAt == null) {
        keys.shred(id);
        s.shreddedAt = now;
        s.blindIndex = null;
      }
    }
    auditTrail.change(
        AuditEventType.ERASURE_REQUESTED,
        subjectId,
        null,
        subjectId,
        Map.of("reason", reasonCode, "subjects", String.valueOf(subjects.size())));
    return List.copyOf(subjects);
  }
}
