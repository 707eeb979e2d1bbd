package org.casereview.policy;

/** The realm roles of keycloak-realm.json. Roles gate before any category rule is consulted. */
public enum Role {
  CASE_COORDINATOR("case-coordinator"),
  MDT_MEMBER("mdt-member"),
  AUDITOR("auditor"),
  ADMIN("admin");

  private final String realmRole;

  Role(String realmRole) {
    this.realmRole = realmRole;
  }

  /** The role's name in the identity provider and in tokens. */
  public String realmRole() {
    return realmRole;
  }

  public static Role fromRealmRole(String name) {
    for (Role r : values()) {
      if (r.realmRole.equals(name)) {
        return r;
      }
    }
    return null;
  }
}
