package org.casereview.policy;

import java.util.Objects;
import java.util.Set;

/**
 * A permission that needs no consent (the MOU, or a statutory exception such as HIPAA 164.512(b)).
 * All conditions must hold: the requester's relation to the case, its sector (any of; empty means
 * any sector), its legal status (all of), the purpose (any of, never empty), the case flags (all
 * of), and, if {@code requiresBreakGlass}, an active break-glass grant.
 */
public record AccessRule(
    String ruleId,
    String exception,
    Relation relation,
    Set<Sector> sectors,
    Set<LegalStatus> legalStatus,
    Set<Purpose> purposes,
    Set<CaseFlag> caseFlags,
    boolean requiresBreakGlass,
    Set<Obligation> obligations) {

  /** How the requester's agency must stand to the case. */
  public enum Relation {
    /** Any agency with an active MOU, on the case or not. */
    ANY,
    /** The lead agency, a participating agency, or an agency named on the safety plan. */
    ON_CASE,
    /** An agency named on the case's safety plan. */
    SAFETY_PLAN
  }

  public AccessRule {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(relation, "relation");
    sectors = Set.copyOf(sectors);
    legalStatus = Set.copyOf(legalStatus);
    purposes = Set.copyOf(purposes);
    caseFlags = Set.copyOf(caseFlags);
    obligations = Set.copyOf(obligations);
  }
}
