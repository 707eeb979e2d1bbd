package org.casereview.agency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Rules of membership. */
@ConfigMapping(prefix = "mdt.membership")
public interface MembershipConfig {

  /** How long a confidentiality-training attestation stays current, in days. */
  @WithDefault("365")
  int trainingValidityDays();
}
