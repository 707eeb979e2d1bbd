package org.casereview.consent;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.casereview.disclosure.ConsentSource;
import org.casereview.policy.ConsentGrant;

/** A youth's consents as the policy reads them: fresh from the table on every disclosure. */
@ApplicationScoped
public class Consents implements ConsentSource {

  @Override
  public List<ConsentGrant> grantsOf(UUID subjectId) {
    return Consent.ofSubject(subjectId).stream().map(Consent::toGrant).toList();
  }
}
