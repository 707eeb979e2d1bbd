package org.casereview.casefile;

/** Why a case was closed: the categories funders and the task force evaluate. */
public enum CaseOutcome {
  SERVICES_COMPLETED,
  YOUTH_STABLE_AND_SAFE,
  TRANSFERRED_TO_OTHER_JURISDICTION,
  YOUTH_DECLINED_SERVICES,
  AGED_OUT,
  LOST_CONTACT,
  DUPLICATE,
  OTHER
}
