package org.casereview.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.casereview.api.ApiProblem;
import org.casereview.disclosure.CaseContext;
import org.casereview.disclosure.CaseContextSource;

/** The case facts the policy reads, straight from the case file on every disclosure. */
@ApplicationScoped
public class CaseContexts implements CaseContextSource {

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

  /** Agencies named on the case's safety plans (none until a plan names them). */
  private static Set<UUID> safetyPlanAgencies(UUID caseId) {
    return Set.of();
  }
}
