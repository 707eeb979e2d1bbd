package org.casereview.referral;

/**
 * Indicators of commercial sexual exploitation seen by the referring professional (after the
 * screening items common to CSEC identification tools). Stored encrypted with the referral.
 */
public enum Indicator {
  RUNAWAY_OR_HOMELESS,
  OLDER_PARTNER,
  UNEXPLAINED_MONEY_OR_GIFTS,
  HOTEL_OR_MOTEL_ACTIVITY,
  ONLINE_ADVERTISEMENT,
  BRANDING_TATTOO,
  MULTIPLE_PHONES,
  SUBSTANCE_USE,
  SCHOOL_ABSENCE,
  SEXUALLY_TRANSMITTED_INFECTION,
  CONTROLLING_RELATIONSHIP,
  DISCLOSED_EXPLOITATION,
  OTHER
}
