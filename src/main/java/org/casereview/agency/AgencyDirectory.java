package org.casereview.agency;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.casereview.audit.AuditDirectory;

/** Names for the audit log's accountings: agency names and member display names. */
@ApplicationScoped
public class AgencyDirectory implements AuditDirectory {

  @Override
  public Optional<String> agencyName(UUID agencyId) {
    return Optional.ofNullable(Agency.<Agency>findById(agencyId)).map(a -> a.name);
  }

  @Override
  public Optional<String> memberName(UUID memberId) {
    return Optional.ofNullable(Member.<Member>findById(memberId)).map(m -> m.displayName);
  }
}
