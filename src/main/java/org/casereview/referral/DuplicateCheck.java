package org.casereview.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.casereview.disclosure.Disclosure;
import org.casereview.disclosure.DisclosureRequest;
import org.casereview.disclosure.DisclosureService;
import org.casereview.policy.Purpose;
import org.casereview.subject.Subject;
import org.casereview.subject.SubjectService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * "Is this youth already known?" without the database holding anything identifying: candidates
 * share the referral's keyed blind index (a truncated HMAC, so several youths share each value);
 * each candidate is then confirmed by comparing decrypted name and birth date in memory, and only
 * when the policy lets the caller see both youths' identity. Both disclosures are audited.
 */
@ApplicationScoped
public class DuplicateCheck {

  @Inject ReferralService referrals;
  @Inject SubjectService subjects;
  @Inject DisclosureService disclosures;
  @Inject EntityManager em;

  /** A youth who may be the same as the referral's. */
  @Schema(name = "PossibleDuplicate")
  public record Candidate(
      UUID subjectId,
      @Schema(
              description =
                  "CONFIRMED (same name and birth date, compared in memory) or UNCONFIRMED")
          String match,
      List<UUID> referralIds,
      List<UUID> caseIds) {}

  @Transactional
  public List<Candidate> candidates(UUID referralId, Purpose purpose) {
    Referral referral = referrals.visible(referralId, purpose);
    Subject subject = Subject.findById(referral.subjectId);
    if (subject.blindIndex == null) {
      return List.of();
    }
    List<Subject> sameIndex =
        Subject.withBlindIndex(subject.blindIndex).stream()
            .filter(s -> !s.id.equals(subject.id))
            .toList();
    if (sameIndex.isEmpty()) {
      return List.of();
    }
    String own = identityKey(reveal(subject, referral.id, purpose));
    List<Candidate> out = new ArrayList<>();
    for (Subject other : sameIndex) {
      List<UUID> referralIds =
          em.createQuery("select r.id from Referral r where r.subjectId = :s", UUID.class)
              .setParameter("s", other.id)
              .getResultList();
      List<UUID> caseIds =
          em.createQuery(
                  "select distinct c.id from CaseFile c where c.subjectId = :s or c.id in"
                      + " (select r.caseId from Referral r where r.subjectId = :s)",
                  UUID.class)
              .setParameter("s", other.id)
              .getResultList();
      String theirs = own == null ? null : identityKey(reveal(other, other.id, purpose));
      boolean confirmed = own != null && own.equals(theirs);
      out.add(
          new Candidate(other.id, confirmed ? "CONFIRMED" : "UNCONFIRMED", referralIds, caseIds));
    }
    // Confirmed matches first: they are what the coordinator acts on.
    out.sort((a, b) -> a.match().compareTo(b.match()));
    return out;
  }

  private Disclosure reveal(Subject s, UUID resourceId, Purpose purpose) {
    return disclosures.disclose(
        new DisclosureRequest(
            purpose,
            s.id,
            null,
            "referral.duplicate-check",
            resourceId,
            subjects.nameAndBirthDate(s)));
  }

  /** Normalised name and birth date, or null when either was withheld. */
  private static String identityKey(Disclosure shown) {
    String name = shown.valueOf(SubjectService.LEGAL_NAME);
    String born = shown.valueOf(SubjectService.DATE_OF_BIRTH);
    if (name == null || born == null) {
      return null;
    }
    String folded =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z ]", " ")
            .trim()
            .replaceAll("\\s+", " ");
    return folded + "|" + born;
  }
}
