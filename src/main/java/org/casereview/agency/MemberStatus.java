package org.casereview.agency;

/** Whether a member may use the service. An offboarded member is refused on the next request. */
public enum MemberStatus {
  ACTIVE,
  OFFBOARDED
}
