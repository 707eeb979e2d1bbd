package org.casereview.audit.accounting;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.casereview.audit.AuditDirectory;

/** Used until the directory provides names: documents then show ids. */
@DefaultBean
@ApplicationScoped
public class IdsOnlyDirectory implements AuditDirectory {

  @Override
  public Optional<String> agencyName(UUID agencyId) {
    return Optional.empty();
  }

  @Override
  public Optional<String> memberName(UUID memberId) {
    return Optional.empty();
  }
}
