package org.casereview.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The disclosure decision: deny by default, deny overrides. Pure and thread-safe; one instance per
 * loaded pack. The order in which rules apply is stated once, in package-info.java.
 */
public final class PolicyEngine {
  private static final int CATEGORIES = DataCategory.values().length;
  private static final Set<Sector> CRIMINAL_JUSTICE_SECTORS =
      EnumSet.of(Sector.LAW_ENFORCEMENT, Sector.PROSECUTION);

  private final PolicyPack pack;
  private final ConsentRules consentRules;

  /** Refuses a pack that fails {@link PolicyPackValidator}. */
  public PolicyEngine(PolicyPack pack) {
    this.pack = Objects.requireNonNull(pack, "pack");
    PolicyPackValidator.requireValid(pack, pack.version());
    this.consentRules = new ConsentRules(pack);
  }

  public String packVersion() {
    return pack.version();
  }

  public PolicyPack pack() {
    return pack;
  }

  /** The consent validation rules of this pack, for the consent registry. */
  public ConsentRules consentRules() {
    return consentRules;
  }

  public FieldDecision decide(DecisionRequest request, FieldLabel field) {
    return new Evaluation(request).decide(field);
  }

  /**
   * Decides every field of one read. Fields with the same label (category, author, author's legal
   * status) get the same decision, so the work is done once per distinct label.
   */
  public List<FieldDecision> decideAll(DecisionRequest request, List<FieldLabel> fields) {
    Evaluation e = new Evaluation(request);
    List<FieldDecision> out = new ArrayList<>(fields.size());
    for (FieldLabel f : fields) {
      out.add(e.decide(f));
    }
    return out;
  }

  /** Whether Part 2's criminal-use bar applies: SUBSTANCE_USE read to investigate or prosecute. */
  static boolean part2Barred(DataCategory category, Purpose purpose) {
    return category == DataCategory.SUBSTANCE_USE
        && PolicyPackValidator.PART2_BARRED_PURPOSES.contains(purpose);
  }

  /** Why a consent did not count, in the order the checks run. */
  private enum Miss {
    NOT_COVERING,
    NOT_NAMED,
    NOT_LIVE,
    NOT_SPECIFIC,
    NOT_COURT_ORDER,
    OTHER,
    NOT_ON_CASE
  }

  private record Check(Miss miss, String note) {}

  /** One read: request-level facts computed once, decisions cached per distinct label. */
  private final class Evaluation {
    private final DecisionRequest request;
    private final Requester requester;
    private final Purpose purpose;
    private final CaseFacts caseFacts;
    private final boolean onCase;
    private final boolean onSafetyPlan;
    private final boolean criminalJustice;
    private final boolean minor;
    private final boolean breakGlassLive;
    private final FieldDecision gate;
    private final Set<DataCategory> triage = EnumSet.noneOf(DataCategory.class);
    private String triageRuleId;
    private final boolean asMember;
    // Indexed by (field category, effective category, author?); allocated on first use.
    private FieldDecision[] cache;

    Evaluation(DecisionRequest request) {
      this.request = request;
      this.requester = request.requester();
      this.purpose = request.purpose();
      this.caseFacts = request.caseFacts();
      UUID agency = requester.agencyId();
      this.onCase = caseFacts.isOnCase(agency);
      this.onSafetyPlan = caseFacts.safetyPlanAgencyIds().contains(agency);
      this.criminalJustice =
          CRIMINAL_JUSTICE_SECTORS.contains(requester.sector())
              || requester.legalStatus().contains(LegalStatus.CRIMINAL_JUSTICE_AGENCY);
      this.minor = caseFacts.subjectIsMinor();
      this.breakGlassLive =
          purpose == Purpose.EMERGENCY
              && request
                  .breakGlass()
                  .filter(g -> g.memberId().equals(requester.memberId()))
                  .filter(g -> g.caseId().equals(caseFacts.caseId()))
                  .filter(g -> g.isLiveAt(request.now()))
                  .filter(
                      g ->
                          Duration.between(g.validFrom(), g.validUntil())
                                  .compareTo(pack.breakGlass().maxDuration())
                              <= 0)
                  .isPresent();
      boolean member = false;
      for (Role r : requester.roles()) {
        RolePolicy rp = pack.roles().get(r);
        if (rp.caseContent() && rp.triagePurposes().contains(purpose)) {
          triage.addAll(rp.triageCategories());
          triageRuleId = rp.ruleId();
        }
        member |= rp.caseContent() && rp.asMember();
      }
      this.asMember = member;
      this.gate = gate();
    }

    /** Request-level withholding: the same for every field, checked before anything permits. */
    private FieldDecision gate() {
      boolean anyNoContent = false;
      boolean anyContent = false;
      for (Role r : requester.roles()) {
        boolean content = pack.roles().get(r).caseContent();
        anyNoContent |= !content;
        anyContent |= content;
      }
      String agency = requester.agencyName();
      if (anyNoContent || !anyContent) {
        return withheldTemplate(
            RuleIds.ROLE_NO_CASE_CONTENT,
            "the requester's roles " + requester.roles() + " give no access to case content",
            "case content needs the mdt-member or case-coordinator role, on an account without"
                + " the auditor or admin role");
      }
      if (purpose == Purpose.AUDIT) {
        return withheldTemplate(
            RuleIds.PURPOSE_AUDIT,
            "purpose AUDIT reads the disclosure log, not case content",
            "state a purpose of use for case content, such as CASE_REVIEW");
      }
      if (!requester.mou().active()) {
        return withheldTemplate(
            RuleIds.MOU_INACTIVE,
            agency + " has no active MOU with the task force",
            "an active MOU between " + agency + " and the task force");
      }
      if (!requester.trainingCurrent()) {
        return withheldTemplate(
            RuleIds.TRAINING_NOT_CURRENT,
            "the member's confidentiality training attestation is not current",
            "a current confidentiality training attestation for this member");
      }
      if (!requester.mou().purposes().contains(purpose)) {
        return withheldTemplate(
            RuleIds.MOU_PURPOSE,
            "the MOU of " + agency + " does not list purpose " + purpose,
            "an MOU for " + agency + " that lists purpose " + purpose);
      }
      return null;
    }

    FieldDecision decide(FieldLabel field) {
      DataCategory effective = field.category();
      Reclassification reclass = null;
      CategoryPolicy own = pack.categories().get(field.category());
      for (Reclassification r : own.reclassifications()) {
        if (field.authorLegalStatus().contains(r.authorLegalStatus())) {
          effective = r.governedAs();
          reclass = r;
          break;
        }
      }
      boolean author = field.authorAgencyId().equals(requester.agencyId());
      int n = CATEGORIES;
      int slot = (field.category().ordinal() * n + effective.ordinal()) * 2 + (author ? 1 : 0);
      if (cache == null) {
        cache = new FieldDecision[n * n * 2];
      }
      FieldDecision cached = cache[slot];
      if (cached == null) {
        cached = decideLabel(field.category(), effective, reclass, author);
        cache[slot] = cached;
      }
      return cached.forField(field.name());
    }

    private FieldDecision decideLabel(
        DataCategory category, DataCategory effective, Reclassification reclass, boolean author) {
      if (gate != null) {
        return gate.withCategory(category);
      }
      String governed =
          reclass == null
              ? ""
              : " (governed as "
                  + effective
                  + " under "
                  + reclass.ruleId()
                  + ", "
                  + pack.rule(reclass.ruleId()).citation()
                  + ")";
      if (author) {
        return permit(
            category,
            RuleIds.AUTHOR_AGENCY,
            null,
            null,
            Set.of(),
            "written by the requester's agency");
      }
      Set<DataCategory> mouCats = requester.mou().categories();
      if (!mouCats.contains(category) || !mouCats.contains(effective)) {
        DataCategory missing = mouCats.contains(category) ? effective : category;
        return withhold(
            category,
            RuleIds.MOU_CATEGORY,
            governed + ": the MOU of " + requester.agencyName() + " does not list " + missing,
            "an MOU for " + requester.agencyName() + " that lists category " + missing);
      }
      CategoryPolicy cp = pack.categories().get(effective);
      Set<Obligation> categoryObligations = EnumSet.noneOf(Obligation.class);
      categoryObligations.addAll(pack.categories().get(category).obligations());
      categoryObligations.addAll(cp.obligations());
      if (effective == DataCategory.SUBSTANCE_USE) {
        categoryObligations.add(Obligation.PART2_REDISCLOSURE_NOTICE);
      }
      if (effective == DataCategory.EDUCATION || category == DataCategory.EDUCATION) {
        categoryObligations.add(Obligation.FERPA_RECORD_DISCLOSURE);
      }

      if (triage.contains(effective) && effective == category) {
        return permit(
            category,
            triageRuleId,
            null,
            null,
            categoryObligations,
            "triage by the case coordinator");
      }
      if (!asMember) {
        return withhold(
            category,
            RuleIds.ROLE_NO_CASE_CONTENT,
            governed + ": the requester's roles give triage access only",
            "the mdt-member role");
      }

      boolean barred = part2Barred(effective, purpose);
      if (!barred) {
        for (AccessRule rule : cp.access()) {
          if (matches(rule)) {
            Set<Obligation> obligations = EnumSet.copyOf(categoryObligations);
            obligations.addAll(rule.obligations());
            if (rule.requiresBreakGlass()) {
              obligations.add(Obligation.BREAK_GLASS_FLAG);
            }
            return permit(
                category,
                rule.ruleId(),
                null,
                rule.exception(),
                obligations,
                "without consent" + governed);
          }
        }
      }

      List<String> notes = new ArrayList<>();
      EnumSet<Miss> misses = EnumSet.noneOf(Miss.class);
      boolean consentable =
          cp.consent().allowed() && effective != DataCategory.LAW_ENFORCEMENT_SENSITIVE;
      if (consentable) {
        for (ConsentGrant g : request.consents()) {
          Check c = check(g, effective, cp, barred);
          if (c == null) {
            return permit(
                category,
                cp.consent().ruleId(),
                g.consentId(),
                g.courtOrder() ? "court order" : null,
                categoryObligations,
                "on consent " + g.consentId() + governed);
          }
          if (c.miss() != Miss.NOT_COVERING && c.miss() != Miss.NOT_NAMED) {
            misses.add(c.miss());
            notes.add(c.note());
          }
        }
      }

      boolean breakGlassCategory = pack.breakGlass().categories().contains(effective);
      boolean excluded =
          effective == DataCategory.VICTIM_ADVOCACY
              || effective == DataCategory.LAW_ENFORCEMENT_SENSITIVE
              || (effective == DataCategory.SUBSTANCE_USE && criminalJustice);
      if (breakGlassLive && breakGlassCategory && !excluded && !barred) {
        Set<Obligation> obligations = EnumSet.copyOf(categoryObligations);
        obligations.addAll(pack.breakGlass().obligations());
        return permit(
            category,
            pack.breakGlass().ruleId(),
            null,
            "emergency break-glass grant " + request.breakGlass().get().grantId(),
            obligations,
            "under break-glass" + governed);
      }

      // Withheld: name the most specific rule that stood in the way.
      String ruleId;
      if (barred) {
        ruleId = RuleIds.PART2_CRIMINAL_USE_BAR;
      } else if (breakGlassLive && excluded) {
        ruleId = RuleIds.BREAK_GLASS_EXCLUSIONS;
      } else if (misses.contains(Miss.NOT_SPECIFIC)) {
        ruleId = RuleIds.PSYCHOTHERAPY_NOTES_SPECIFIC;
      } else if (misses.contains(Miss.NOT_ON_CASE)) {
        ruleId = RuleIds.NOT_ON_CASE;
      } else if (!misses.isEmpty() && misses.equals(EnumSet.of(Miss.NOT_LIVE))) {
        ruleId = RuleIds.CONSENT_LIVE;
      } else {
        ruleId = cp.defaultRuleId();
      }
      StringBuilder why = new StringBuilder(governed);
      if (!notes.isEmpty()) {
        why.append(". Consents considered: ").append(String.join("; ", notes));
      }
      return withhold(
          category,
          ruleId,
          why.toString(),
          remedy(effective, cp, barred, breakGlassCategory, excluded));
    }

    private boolean matches(AccessRule rule) {
      boolean relation =
          switch (rule.relation()) {
            case ANY -> true;
            case ON_CASE -> onCase;
            case SAFETY_PLAN -> onSafetyPlan;
          };
      return relation
          && rule.purposes().contains(purpose)
          && (rule.sectors().isEmpty() || rule.sectors().contains(requester.sector()))
          && requester.legalStatus().containsAll(rule.legalStatus())
          && caseFacts.flags().containsAll(rule.caseFlags())
          && (!rule.requiresBreakGlass() || breakGlassLive);
    }

    /** Null when the consent opens the category to this requester now; else why not. */
    private Check check(ConsentGrant g, DataCategory effective, CategoryPolicy cp, boolean barred) {
      ConsentPolicy policy = cp.consent();
      boolean psychotherapy = effective == DataCategory.PSYCHOTHERAPY_NOTES;
      boolean covers = g.categories().contains(effective);
      boolean generalHealth =
          psychotherapy
              && !covers
              && (g.categories().contains(DataCategory.HEALTH)
                  || g.categories().contains(DataCategory.MENTAL_HEALTH));
      if (!covers && !generalHealth) {
        return new Check(Miss.NOT_COVERING, null);
      }
      boolean named =
          g.recipientAgencyIds().contains(requester.agencyId())
              || (policy.recipients() == ConsentPolicy.RecipientNaming.AGENCY_OR_SECTOR
                  && g.recipientSectors().contains(requester.sector()));
      if (!named) {
        return new Check(Miss.NOT_NAMED, null);
      }
      String id = "consent " + g.consentId();
      if (g.revokedAt() != null) {
        return new Check(Miss.NOT_LIVE, id + " was revoked");
      }
      if (request.now().isBefore(g.validFrom())) {
        return new Check(Miss.NOT_LIVE, id + " is not yet in force");
      }
      if (!request.now().isBefore(g.validUntil())) {
        return new Check(Miss.NOT_LIVE, id + " has expired");
      }
      if (generalHealth) {
        return new Check(
            Miss.NOT_SPECIFIC,
            id + " is a general health consent, which never opens psychotherapy notes");
      }
      if ((psychotherapy || policy.specific())
          && (!g.namesPsychotherapyNotes() || g.categories().size() != 1)) {
        return new Check(
            Miss.NOT_SPECIFIC, id + " does not name psychotherapy notes alone and specifically");
      }
      if (barred && !g.courtOrder()) {
        return new Check(
            Miss.NOT_COURT_ORDER,
            id + " is not a court order and cannot lift the Part 2 criminal-use bar");
      }
      if (!g.purposes().contains(purpose)) {
        return new Check(Miss.OTHER, id + " is not given for purpose " + purpose);
      }
      if (!policy.forms().contains(g.form())) {
        return new Check(
            Miss.OTHER,
            id + " is " + Wording.form(g.form()) + ", which " + effective + " does not accept");
      }
      boolean grantorsOk = false;
      for (Set<GrantorKind> required : policy.grantorsFor(minor)) {
        if (g.grantors().containsAll(required)) {
          grantorsOk = true;
          break;
        }
      }
      if (!grantorsOk) {
        return new Check(
            Miss.OTHER, id + " is not given by " + Wording.grantorSets(policy.grantorsFor(minor)));
      }
      if (policy.maxValidityDays() != null
          && Duration.between(g.validFrom(), g.validUntil())
                  .compareTo(Duration.ofDays(policy.maxValidityDays()))
              > 0) {
        return new Check(
            Miss.OTHER, id + " runs longer than " + policy.maxValidityDays() + " days");
      }
      if (!onCase) {
        return new Check(
            Miss.NOT_ON_CASE,
            id + " would count, but " + requester.agencyName() + " is not on the case");
      }
      return null;
    }

    private String remedy(
        DataCategory effective,
        CategoryPolicy cp,
        boolean barred,
        boolean breakGlassCategory,
        boolean excluded) {
      String agency = requester.agencyName();
      if (barred) {
        return "only a court order under 42 CFR 2.65 naming "
            + agency
            + " for purpose "
            + purpose
            + "; no consent can lift the bar";
      }
      ConsentPolicy policy = cp.consent();
      if (!policy.allowed() || effective == DataCategory.LAW_ENFORCEMENT_SENSITIVE) {
        return "not releasable by consent: " + pack.rule(policy.ruleId()).summary();
      }
      StringBuilder r = new StringBuilder("a ");
      r.append(Wording.forms(policy.forms())).append(" consent naming ").append(agency);
      if (policy.recipients() == ConsentPolicy.RecipientNaming.AGENCY_OR_SECTOR) {
        r.append(" (or sector ").append(requester.sector()).append(')');
      }
      r.append(" for ").append(effective);
      if (policy.specific() || effective == DataCategory.PSYCHOTHERAPY_NOTES) {
        r.append(" alone, naming psychotherapy notes specifically");
      }
      r.append(", purpose ").append(purpose);
      r.append(", given by ").append(Wording.grantorSets(policy.grantorsFor(minor)));
      if (policy.maxValidityDays() != null) {
        r.append(", valid for at most ").append(policy.maxValidityDays()).append(" days");
      }
      if (!onCase) {
        r.append("; and ").append(agency).append(" must be on the case");
      }
      if (purpose == Purpose.EMERGENCY && breakGlassCategory && !excluded && !breakGlassLive) {
        r.append("; or, in an emergency, a break-glass grant for this member and case");
      }
      return r.toString();
    }

    private FieldDecision permit(
        DataCategory category,
        String ruleId,
        UUID consentId,
        String exception,
        Set<Obligation> obligations,
        String how) {
      PackRule rule = pack.rule(ruleId);
      return new FieldDecision(
          "",
          category,
          Outcome.PERMIT,
          rule.id(),
          rule.citation(),
          consentId,
          exception,
          obligations,
          category + " disclosed under " + rule.id() + " (" + rule.citation() + "), " + how,
          null,
          pack.version());
    }

    private FieldDecision withhold(
        DataCategory category, String ruleId, String why, String remedy) {
      PackRule rule = pack.rule(ruleId);
      return new FieldDecision(
          "",
          category,
          Outcome.WITHHOLD,
          rule.id(),
          rule.citation(),
          null,
          null,
          Set.of(),
          category
              + " withheld under "
              + rule.id()
              + " ("
              + rule.citation()
              + "): "
              + rule.summary()
              + why,
          remedy,
          pack.version());
    }

    private FieldDecision withheldTemplate(String ruleId, String why, String remedy) {
      PackRule rule = pack.rule(ruleId);
      return new FieldDecision(
          "",
          DataCategory.COORDINATION,
          Outcome.WITHHOLD,
          rule.id(),
          rule.citation(),
          null,
          null,
          Set.of(),
          "withheld under " + rule.id() + " (" + rule.citation() + "): " + why,
          remedy,
          pack.version());
    }
  }
}
