package org.casereview.referral;

import java.util.EnumSet;
import java.util.Set;

/**
 * A referral's life. The allowed transitions are the whole state machine: anything else is an
 * illegal transition (409). LINKED, DECLINED and WITHDRAWN are final.
 */
public enum ReferralStatus {
  RECEIVED,
  TRIAGED,
  LINKED,
  DECLINED,
  WITHDRAWN;

  public Set<ReferralStatus> next() {
    return switch (this) {
      case RECEIVED -> EnumSet.of(TRIAGED, LINKED, DECLINED, WITHDRAWN);
      case TRIAGED -> EnumSet.of(LINKED, DECLINED, WITHDRAWN);
      case LINKED, DECLINED, WITHDRAWN -> EnumSet.noneOf(ReferralStatus.class);
    };
  }

  public boolean canMoveTo(ReferralStatus target) {
    return next().contains(target);
  }
}
