package org.casereview.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.casereview.api.ApiProblem;
import org.casereview.disclosure.CaseContext;
import org.casereview.disclosure.CaseContextSource;

/** The case facts the policy reads, straight from the case file on every disclosure. */
@ApplicationScoped
public class CaseContexts implements CaseContextSource {

  @Inject EntityManager em;

  @Override
  public CaseContext contextOf(UUID caseId) {
    CaseFile file = CaseFile.findById(caseId);
    if (file == null) {
      throw ApiProblem.notFound("Case");
    }
    return new CaseContext(
        file.id,
        file.leadAgencyId,
        CaseParticipant.agenciesOf(caseId),
        safetyPlanAgencies(caseId),
        file.flags);
  }

  /** Agencies named on the case's active safety plans (org.casereview.careplan). */
  private Set<UUID> safetyPlanAgencies(UUID caseId) {
    @SuppressWarnings("unchecked")
    List<UUID> named =
        em.createNativeQuery(
                "select distinct a.agency_id from safety_plan_agency a"
                    + " join safety_plan p on p.id = a.safety_plan_id"
                    + " where p.case_id = :caseId and p.status = 'ACTIVE'",
                UUID.class)
            .setParameter("caseId", caseId)
            .getResultList();
    return Set.copyOf(named);
  }
}
