package org.casereview.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * Names for the ids in the log, for documents people read (an accounting of disclosures names the
 * recipient). The log itself stores ids only. The service provides the real implementation from its
 * agency and member directory; without one, documents show ids.
 */
public interface AuditDirectory {

  Optional<String> agencyName(UUID agencyId);

  Optional<String> memberName(UUID memberId);
}
