package org.casereview.careplan;

import java.util.EnumSet;
import java.util.Set;

/**
 * The closed loop of a service referral. The transitions below are the whole state machine;
 * anything else is an illegal transition (409). COMPLETED and DECLINED are final; COULD_NOT_CONTACT
 * stays open until the referral is re-sent, accepted or declined, so a referral is never silently
 * dropped.
 */
public enum ServiceStatus {
  SENT,
  ACCEPTED,
  IN_SERVICE,
  COMPLETED,
  DECLINED,
  COULD_NOT_CONTACT;

  public Set<ServiceStatus> next() {
    return switch (this) {
      case SENT -> EnumSet.of(ACCEPTED, DECLINED, COULD_NOT_CONTACT);
      case ACCEPTED -> EnumSet.of(IN_SERVICE, DECLINED, COULD_NOT_CONTACT);
      case IN_SERVICE -> EnumSet.of(COMPLETED, DECLINED, COULD_NOT_CONTACT);
      case COULD_NOT_CONTACT -> EnumSet.of(SENT, ACCEPTED, DECLINED);
      case COMPLETED, DECLINED -> EnumSet.noneOf(ServiceStatus.class);
    };
  }

  public boolean canMoveTo(ServiceStatus target) {
    return next().contains(target);
  }

  /** Whether the loop is still open (someone still owes the youth an answer). */
  public boolean open() {
    return this != COMPLETED && this != DECLINED;
  }
}
