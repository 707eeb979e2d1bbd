package org.casereview.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses a pack that is incomplete or that would breach a statutory invariant. The engine will not
 * run on a pack with problems, so these checks are as binding as code: an operator can make the
 * pack stricter, never looser than the law it cites.
 */
public final class PolicyPackValidator {
  private static final Set<DataCategory> BREAK_GLASS_NEVER =
      EnumSet.of(DataCategory.VICTIM_ADVOCACY, DataCategory.LAW_ENFORCEMENT_SENSITIVE);
  static final Set<Purpose> PART2_BARRED_PURPOSES =
      EnumSet.of(Purpose.INVESTIGATION, Purpose.PROSECUTION);
  private static final Duration BREAK_GLASS_LONGEST = Duration.ofHours(24);

  private PolicyPackValidator() {}

  /** Every problem found; empty when the pack may be used. */
  public static List<String> problems(PolicyPack pack) {
    List<String> p = new ArrayList<>();
    if (pack.version().isBlank()) {
      p.add("version is blank");
    }
    for (PackRule r : pack.rules().values()) {
      if (r.citation().isBlank()) {
        p.add("rule " + r.id() + " has no citation");
      }
      if (r.summary().isBlank()) {
        p.add("rule " + r.id() + " has no summary");
      }
    }
    for (String id : RuleIds.REQUIRED) {
      if (!pack.rules().containsKey(id)) {
        p.add("required rule " + id + " is missing (the engine applies it whatever the pack says)");
      }
    }
    checkRoles(pack, p);
    checkCategories(pack, p);
    checkBreakGlass(pack, p);
    return p;
  }

  /** Throws {@link InvalidPolicyPackException} listing every problem, if there is any. */
  public static void requireValid(PolicyPack pack, String source) {
    List<String> p = problems(pack);
    if (!p.isEmpty()) {
      throw new InvalidPolicyPackException(source, p);
    }
  }

  private static void checkRoles(PolicyPack pack, List<String> p) {
    for (Role role : Role.values()) {
      RolePolicy rp = pack.roles().get(role);
      if (rp == null) {
        p.add("role " + role + " has no entry");
        continue;
      }
      ruleRef(pack, "roles." + role, rp.ruleId(), p);
      if ((role == Role.AUDITOR || role == Role.ADMIN) && rp.caseContent()) {
        p.add("roles." + role + " may not see case content (" + RuleIds.ROLE_NO_CASE_CONTENT + ")");
      }
      if (!rp.caseContent() && (rp.asMember() || !rp.triageCategories().isEmpty())) {
        p.add("roles." + role + " has no case content but lists triage categories or asMember");
      }
      if (rp.triagePurposes().contains(Purpose.AUDIT)) {
        p.add("roles." + role + " triage purposes may not include AUDIT");
      }
    }
  }

  private static void checkCategories(PolicyPack pack, List<String> p) {
    for (DataCategory c : DataCategory.values()) {
      CategoryPolicy cp = pack.categories().get(c);
      if (cp == null) {
        p.add("category " + c + " has no entry");
        continue;
      }
      String at = "categories." + c;
      ruleRef(pack, at + ".defaultRule", cp.defaultRuleId(), p);
      for (int i = 0; i < cp.access().size(); i++) {
        AccessRule a = cp.access().get(i);
        String aat = at + ".access[" + i + "]";
        ruleRef(pack, aat, a.ruleId(), p);
        if (a.purposes().isEmpty()) {
          p.add(aat + " names no purpose (a rule must say what it is for)");
        }
        if (a.purposes().contains(Purpose.AUDIT)) {
          p.add(aat + " lists purpose AUDIT (" + RuleIds.PURPOSE_AUDIT + ")");
        }
        if (c == DataCategory.SUBSTANCE_USE
            && a.purposes().stream().anyMatch(PART2_BARRED_PURPOSES::contains)) {
          p.add(
              aat
                  + " opens SUBSTANCE_USE for investigation or prosecution ("
                  + RuleIds.PART2_CRIMINAL_USE_BAR
                  + ")");
        }
      }
      if (c == DataCategory.VICTIM_ADVOCACY && !cp.access().isEmpty()) {
        p.add(at + ".access must be empty: VAWA allows no sharing without consent (VAWA-DEFAULT)");
      }
      if (c == DataCategory.PSYCHOTHERAPY_NOTES && !cp.access().isEmpty()) {
        p.add(at + ".access must be empty (" + RuleIds.PSYCHOTHERAPY_NOTES_SPECIFIC + ")");
      }
      for (Reclassification r : cp.reclassifications()) {
        ruleRef(pack, at + ".reclassify", r.ruleId(), p);
        if (r.governedAs() == c) {
          p.add(at + ".reclassify governs the category as itself");
        }
      }
      checkConsent(pack, c, cp.consent(), at + ".consent", p);
      if (c == DataCategory.SUBSTANCE_USE
          && !cp.obligations().contains(Obligation.PART2_REDISCLOSURE_NOTICE)) {
        p.add(
            at
                + ".obligations must include PART2_REDISCLOSURE_NOTICE ("
                + RuleIds.PART2_REDISCLOSURE_NOTICE
                + ")");
      }
      if (c == DataCategory.EDUCATION
          && !cp.obligations().contains(Obligation.FERPA_RECORD_DISCLOSURE)) {
        p.add(at + ".obligations must include FERPA_RECORD_DISCLOSURE (34 CFR 99.32)");
      }
    }
  }

  private static void checkConsent(
      PolicyPack pack, DataCategory c, ConsentPolicy cp, String at, List<String> p) {
    ruleRef(pack, at, cp.ruleId(), p);
    if (c == DataCategory.LAW_ENFORCEMENT_SENSITIVE && cp.allowed()) {
      p.add(at + " must not be allowed: only the originating agency releases it (CJIS)");
    }
    if (!cp.allowed()) {
      return;
    }
    if (cp.forms().isEmpty()) {
      p.add(at + ".forms is empty");
    }
    if (cp.minorGrantors().isEmpty() || cp.adultGrantors().isEmpty()) {
      p.add(at + ".grantors needs both minor and adult entries");
    }
    for (Set<GrantorKind> s : cp.minorGrantors()) {
      if (s.isEmpty()) {
        p.add(at + ".grantors.minor has an empty set");
      }
    }
    for (Set<GrantorKind> s : cp.adultGrantors()) {
      if (s.isEmpty()) {
        p.add(at + ".grantors.adult has an empty set");
      }
    }
    if (cp.maxValidityDays() != null && cp.maxValidityDays() <= 0) {
      p.add(at + ".maxValidityDays must be positive");
    }
    switch (c) {
      case SUBSTANCE_USE -> {
        if (cp.recipients() != ConsentPolicy.RecipientNaming.AGENCY) {
          p.add(at + ".recipients must be AGENCY: 42 CFR 2.31(a)(4) needs a named recipient");
        }
        if (cp.forms().contains(ConsentForm.DOCUMENTED_VERBAL)) {
          p.add(at + ".forms: 42 CFR 2.31 needs a written consent");
        }
      }
      case PSYCHOTHERAPY_NOTES -> {
        if (!cp.specific()) {
          p.add(at + ".specific must be true (" + RuleIds.PSYCHOTHERAPY_NOTES_SPECIFIC + ")");
        }
      }
      case VICTIM_ADVOCACY -> {
        if (cp.maxValidityDays() == null) {
          p.add(at + ".maxValidityDays is required: VAWA consent is reasonably time-limited");
        }
        if (cp.forms().contains(ConsentForm.DOCUMENTED_VERBAL)) {
          p.add(at + ".forms: VAWA needs a written consent");
        }
        for (Set<GrantorKind> s : cp.minorGrantors()) {
          boolean courtOrder = s.contains(GrantorKind.COURT_ORDER);
          boolean both =
              s.contains(GrantorKind.YOUTH) && s.contains(GrantorKind.PARENT_OR_GUARDIAN);
          if (!courtOrder && !both) {
            p.add(
                at
                    + ".grantors.minor "
                    + s
                    + " lacks the minor and a parent or guardian (34 U.S.C. 12291(b)(2)(B)(ii))");
          }
        }
      }
      default -> {}
    }
  }

  private static void checkBreakGlass(PolicyPack pack, List<String> p) {
    BreakGlassPolicy bg = pack.breakGlass();
    ruleRef(pack, "breakGlass", bg.ruleId(), p);
    for (DataCategory c : bg.categories()) {
      if (BREAK_GLASS_NEVER.contains(c)) {
        p.add(
            "breakGlass.categories may not include "
                + c
                + " ("
                + RuleIds.BREAK_GLASS_EXCLUSIONS
                + ")");
      }
    }
    if (bg.maxDuration().isNegative()
        || bg.maxDuration().isZero()
        || bg.maxDuration().compareTo(BREAK_GLASS_LONGEST) > 0) {
      p.add("breakGlass.maxDuration must be positive and at most " + BREAK_GLASS_LONGEST);
    }
    if (!bg.obligations().contains(Obligation.BREAK_GLASS_FLAG)) {
      p.add("breakGlass.obligations must include BREAK_GLASS_FLAG");
    }
  }

  private static void ruleRef(PolicyPack pack, String at, String id, List<String> p) {
    if (id == null || id.isBlank()) {
      p.add(at + " names no rule");
    } else if (!pack.rules().containsKey(id)) {
      p.add(at + " refers to unknown rule " + id);
    }
  }
}
