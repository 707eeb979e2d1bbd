package org.casereview.audit.web;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import java.util.UUID;
import org.casereview.audit.AuditEvent;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Puts the calling auditor on an audit event: member id (token subject), agency and roles. */
public final class AuditActor {

  private AuditActor() {}

  public static AuditEvent.Builder on(AuditEvent.Builder b, SecurityIdentity identity) {
    UUID member = null;
    UUID agency = null;
    if (identity.getPrincipal() instanceof JsonWebToken jwt) {
      member = uuid(jwt.getSubject());
      Object claim = jwt.getClaim("agency_id");
      agency = claim == null ? null : uuid(claim.toString());
    } else if (identity.getPrincipal() != null) {
      member = uuid(identity.getPrincipal().getName());
    }
    return b.memberId(member).agencyId(agency).roles(Set.copyOf(identity.getRoles()));
  }

  /** The caller's stable identity, used to keep one auditor's export jobs from another. */
  public static String owner(SecurityIdentity identity) {
    if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
      return jwt.getSubject();
    }
    return identity.getPrincipal().getName();
  }

  private static UUID uuid(String s) {
    try {
      return s == null ? null : UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
