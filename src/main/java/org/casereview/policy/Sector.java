package org.casereview.policy;

/** The sector of a member agency: policy rules and consents name sectors as recipients. */
public enum Sector {
  LAW_ENFORCEMENT,
  PROSECUTION,
  DEFENSE,
  COURTS,
  CHILD_WELFARE,
  JUVENILE_JUSTICE,
  HEALTH_CARE,
  MENTAL_HEALTH,
  EDUCATION,
  VICTIM_SERVICES,
  CHILD_ADVOCACY_CENTER,
  SOCIAL_SERVICES,
  TRIBAL_GOVERNMENT,
  LEGAL_AID,
  OTHER
}
