package org.casereview.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.casereview.policy.pack.PolicyPackLoader;

/**
 * Invariants of the shipped pack over random requesters, cases, consents, break-glass grants and
 * fields. Each property states something that must never happen, whatever the combination.
 */
class PolicyInvariantProperties {
  private static final PolicyEngine ENGINE = new PolicyEngine(PolicyPackLoader.loadDefault());
  private static final PolicyPack PACK = ENGINE.pack();
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final List<UUID> AGENCIES =
      IntStream.range(0, 8)
          .mapToObj(i -> UUID.fromString("a0000000-0000-4000-8000-00000000000" + i))
          .toList();
  private static final UUID MEMBER = UUID.fromString("b0000000-0000-4000-8000-000000000001");
  private static final UUID CASE = UUID.fromString("c0000000-0000-4000-8000-000000000001");
  private static final Set<Purpose> BARRED = EnumSet.of(Purpose.INVESTIGATION, Purpose.PROSECUTION);

  /** One read and the fields it asks for. */
  record Scenario(DecisionRequest request, List<FieldLabel> fields) {
    List<FieldDecision> decide() {
      return ENGINE.decideAll(request, fields);
    }

    Scenario with(DecisionRequest r) {
      return new Scenario(r, fields);
    }
  }

  // ---------------------------------------------------------------------------------- invariants

  @Property(tries = 300)
  void noConsentRequiringField_isPermittedWithoutALiveMatchingConsentOrAnException(
      @ForAll("scenarios") Scenario s) {
    List<FieldDecision> ds = s.decide();
    for (int i = 0; i < ds.size(); i++) {
      FieldDecision d = ds.get(i);
      FieldLabel f = s.fields().get(i);
      if (!d.permitted()) {
        continue;
      }
      Requester r = s.request().requester();
      DataCategory effective = effectiveCategory(f);
      String rule = d.ruleId();
      Statistics.label("permitted by").collect(d.consentId() != null ? "consent" : rule);
      if (rule.equals(RuleIds.AUTHOR_AGENCY)) {
        check(f.authorAgencyId().equals(r.agencyId()), "author rule for a non-author", d);
      } else if (rule.equals("ROLE-COORDINATOR-TRIAGE")) {
        check(r.roles().contains(Role.CASE_COORDINATOR), "triage without coordinator role", d);
        check(
            effective == DataCategory.COORDINATION || effective == DataCategory.IDENTITY,
            "triage of a non-triage category",
            d);
      } else if (d.consentId() != null) {
        ConsentGrant g =
            s.request().consents().stream()
                .filter(c -> c.consentId().equals(d.consentId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("cites a consent not in the request: " + d));
        ConsentPolicy cp = PACK.categories().get(effective).consent();
        check(g.isLiveAt(NOW), "consent not live", d);
        check(g.categories().contains(effective), "consent does not cover the category", d);
        check(g.purposes().contains(s.request().purpose()), "consent not for the purpose", d);
        check(
            g.recipientAgencyIds().contains(r.agencyId())
                || (cp.recipients() == ConsentPolicy.RecipientNaming.AGENCY_OR_SECTOR
                    && g.recipientSectors().contains(r.sector())),
            "consent does not name the recipient",
            d);
        check(cp.forms().contains(g.form()), "form not accepted", d);
        check(
            cp.grantorsFor(s.request().caseFacts().subjectIsMinor()).stream()
                .anyMatch(g.grantors()::containsAll),
            "grantors not accepted",
            d);
        check(
            s.request().caseFacts().isOnCase(r.agencyId()), "consent to an agency off the case", d);
      } else if (rule.equals(PACK.breakGlass().ruleId())) {
        check(s.request().purpose() == Purpose.EMERGENCY, "break-glass outside EMERGENCY", d);
        check(liveBreakGlass(s.request()), "break-glass without a live grant", d);
        check(PACK.breakGlass().categories().contains(effective), "break-glass category", d);
      } else {
        AccessRule a =
            PACK.categories().get(effective).access().stream()
                .filter(x -> x.ruleId().equals(rule))
                .findFirst()
                .orElseThrow(() -> new AssertionError("permit by an unknown rule: " + d));
        check(a.purposes().contains(s.request().purpose()), "exception for another purpose", d);
        check(a.sectors().isEmpty() || a.sectors().contains(r.sector()), "exception sector", d);
        check(s.request().caseFacts().flags().containsAll(a.caseFlags()), "exception flags", d);
      }
    }
  }

  @Property(tries = 300)
  void revocation_alwaysWins(@ForAll("scenarios") Scenario s) {
    List<ConsentGrant> revoked =
        s.request().consents().stream()
            .map(
                g ->
                    new ConsentGrant(
                        g.consentId(),
                        g.categories(),
                        g.recipientAgencyIds(),
                        g.recipientSectors(),
                        g.purposes(),
                        g.validFrom(),
                        g.validUntil(),
                        NOW.minusSeconds(1),
                        g.form(),
                        g.grantors(),
                        g.namesPsychotherapyNotes()))
            .toList();
    List<FieldDecision> before = s.decide();
    List<FieldDecision> after = s.with(withConsents(s.request(), revoked)).decide();
    for (int i = 0; i < after.size(); i++) {
      check(after.get(i).consentId() == null, "a revoked consent still counts", after.get(i));
      if (after.get(i).permitted()) {
        check(before.get(i).permitted(), "revoking a consent opened a field", after.get(i));
      }
    }
  }

  @Property(tries = 300)
  void expiredConsents_neverCount(@ForAll("scenarios") Scenario s) {
    List<ConsentGrant> expired =
        s.request().consents().stream()
            .map(
                g ->
                    new ConsentGrant(
                        g.consentId(),
                        g.categories(),
                        g.recipientAgencyIds(),
                        g.recipientSectors(),
                        g.purposes(),
                        NOW.minus(Duration.ofDays(400)),
                        NOW.minus(Duration.ofSeconds(1)),
                        null,
                        g.form(),
                        g.grantors(),
                        g.namesPsychotherapyNotes()))
            .toList();
    List<FieldDecision> withExpired = s.with(withConsents(s.request(), expired)).decide();
    List<FieldDecision> withNone = s.with(withConsents(s.request(), List.of())).decide();
    for (int i = 0; i < withExpired.size(); i++) {
      check(
          withExpired.get(i).consentId() == null, "an expired consent counts", withExpired.get(i));
      check(
          withExpired.get(i).outcome() == withNone.get(i).outcome(),
          "expired consents changed an outcome",
          withExpired.get(i));
    }
  }

  @Property(tries = 300)
  void aGeneralHealthConsent_neverOpensPsychotherapyNotes(@ForAll("scenarios") Scenario s) {
    List<FieldDecision> ds = s.decide();
    for (int i = 0; i < ds.size(); i++) {
      FieldLabel f = s.fields().get(i);
      FieldDecision d = ds.get(i);
      if (f.category() != DataCategory.PSYCHOTHERAPY_NOTES
          || f.authorAgencyId().equals(s.request().requester().agencyId())
          || !d.permitted()) {
        continue;
      }
      ConsentGrant g =
          s.request().consents().stream()
              .filter(c -> c.consentId().equals(d.consentId()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("notes opened without a consent: " + d));
      check(
          g.namesPsychotherapyNotes()
              && g.categories().equals(Set.of(DataCategory.PSYCHOTHERAPY_NOTES)),
          "psychotherapy notes opened by a consent that does not name them alone",
          d);
    }
  }

  @Property(tries = 300)
  void part2Records_neverReachLawEnforcementOrProsecutionToInvestigateOrProsecute(
      @ForAll("criminalInvestigations") Scenario s) {
    Requester r = s.request().requester();
    List<FieldDecision> ds = s.decide();
    for (int i = 0; i < ds.size(); i++) {
      FieldLabel f = s.fields().get(i);
      FieldDecision d = ds.get(i);
      if (f.category() != DataCategory.SUBSTANCE_USE || f.authorAgencyId().equals(r.agencyId())) {
        continue;
      }
      if (d.permitted()) {
        ConsentGrant g =
            s.request().consents().stream()
                .filter(c -> c.consentId().equals(d.consentId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Part 2 opened without a court order: " + d));
        check(g.courtOrder() && g.isLiveAt(NOW), "Part 2 opened without a live court order", d);
        check(
            d.obligations().contains(Obligation.PART2_REDISCLOSURE_NOTICE),
            "Part 2 disclosed without the notice",
            d);
      }
    }
  }

  @Property(tries = 300)
  void part2Records_neverReachAnyoneToInvestigateOrProsecuteWithoutACourtOrder(
      @ForAll("investigationsByAnyone") Scenario s) {
    List<ConsentGrant> noCourtOrders =
        s.request().consents().stream().filter(g -> !g.courtOrder()).toList();
    Scenario t = s.with(withConsents(s.request(), noCourtOrders));
    List<FieldDecision> ds = t.decide();
    for (int i = 0; i < ds.size(); i++) {
      FieldLabel f = t.fields().get(i);
      if (f.category() == DataCategory.SUBSTANCE_USE
          && !f.authorAgencyId().equals(t.request().requester().agencyId())) {
        check(!ds.get(i).permitted(), "Part 2 read to investigate or prosecute", ds.get(i));
      }
    }
  }

  @Property(tries = 300)
  void everyPermittedPart2OrEducationDisclosure_carriesItsObligation(
      @ForAll("scenarios") Scenario s) {
    List<FieldDecision> ds = s.decide();
    for (int i = 0; i < ds.size(); i++) {
      FieldLabel f = s.fields().get(i);
      FieldDecision d = ds.get(i);
      if (!d.permitted() || f.authorAgencyId().equals(s.request().requester().agencyId())) {
        continue;
      }
      if (effectiveCategory(f) == DataCategory.SUBSTANCE_USE) {
        check(
            d.obligations().contains(Obligation.PART2_REDISCLOSURE_NOTICE), "no Part 2 notice", d);
      }
      if (f.category() == DataCategory.EDUCATION) {
        check(d.obligations().contains(Obligation.FERPA_RECORD_DISCLOSURE), "no FERPA record", d);
      }
    }
  }

  @Property(tries = 300)
  void auditorsAndAdmins_neverSeeCaseContent(
      @ForAll("scenarios") Scenario s, @ForAll("noContentRole") Role role) {
    Requester r = s.request().requester();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    roles.addAll(r.roles());
    roles.add(role);
    Requester withRole =
        new Requester(
            r.memberId(),
            r.agencyId(),
            r.agencyName(),
            r.sector(),
            r.legalStatus(),
            roles,
            r.mou(),
            r.trainingCurrent());
    DecisionRequest q = s.request();
    List<FieldDecision> ds =
        s.with(
                new DecisionRequest(
                    withRole, q.purpose(), q.caseFacts(), q.consents(), q.breakGlass(), q.now()))
            .decide();
    for (FieldDecision d : ds) {
      check(!d.permitted(), role + " saw case content", d);
      check(d.ruleId().equals(RuleIds.ROLE_NO_CASE_CONTENT), "wrong rule for " + role, d);
    }
  }

  @Property(tries = 300)
  void breakGlass_neverOpensTheExcludedCategories(@ForAll("emergencies") Scenario s) {
    DecisionRequest q = s.request();
    Assume.that(liveBreakGlass(q));
    List<FieldDecision> with = s.decide();
    List<FieldDecision> without =
        s.with(
                new DecisionRequest(
                    q.requester(),
                    q.purpose(),
                    q.caseFacts(),
                    q.consents(),
                    Optional.empty(),
                    q.now()))
            .decide();
    Requester r = q.requester();
    boolean criminalJustice =
        r.sector() == Sector.LAW_ENFORCEMENT
            || r.sector() == Sector.PROSECUTION
            || r.legalStatus().contains(LegalStatus.CRIMINAL_JUSTICE_AGENCY);
    for (int i = 0; i < with.size(); i++) {
      DataCategory c = effectiveCategory(s.fields().get(i));
      boolean excluded =
          c == DataCategory.VICTIM_ADVOCACY
              || c == DataCategory.LAW_ENFORCEMENT_SENSITIVE
              || (c == DataCategory.SUBSTANCE_USE && criminalJustice);
      if (excluded) {
        check(
            with.get(i).outcome() == without.get(i).outcome(),
            "break-glass changed the outcome of an excluded category",
            with.get(i));
        check(
            !with.get(i).obligations().contains(Obligation.BREAK_GLASS_FLAG),
            "break-glass flag on an excluded category",
            with.get(i));
      }
    }
  }

  @Property(tries = 300)
  void withoutActiveMouOrCurrentTraining_nothingIsDisclosed(@ForAll("scenarios") Scenario s) {
    Requester r = s.request().requester();
    Assume.that(!r.mou().active() || !r.trainingCurrent());
    for (FieldDecision d : s.decide()) {
      check(!d.permitted(), "disclosed without MOU or training", d);
    }
  }

  @Property(tries = 300)
  void everyDecision_namesPackVersionRuleAndCitation_andDecideAllAgreesWithDecide(
      @ForAll("scenarios") Scenario s) {
    List<FieldDecision> all = s.decide();
    for (int i = 0; i < all.size(); i++) {
      FieldDecision d = all.get(i);
      check(d.packVersion().equals(ENGINE.packVersion()), "pack version", d);
      check(PACK.rules().containsKey(d.ruleId()), "unknown rule", d);
      check(d.citation().equals(PACK.rule(d.ruleId()).citation()), "citation", d);
      check(d.permitted() == (d.remedy() == null), "remedy iff withheld", d);
      check(d.equals(ENGINE.decide(s.request(), s.fields().get(i))), "decideAll != decide", d);
    }
  }

  // ---------------------------------------------------------------------------------- helpers

  private static void check(boolean ok, String what, FieldDecision d) {
    if (!ok) {
      throw new AssertionError(what + ": " + d);
    }
  }

  private static DataCategory effectiveCategory(FieldLabel f) {
    for (Reclassification r : PACK.categories().get(f.category()).reclassifications()) {
      if (f.authorLegalStatus().contains(r.authorLegalStatus())) {
        return r.governedAs();
      }
    }
    return f.category();
  }

  private static boolean liveBreakGlass(DecisionRequest q) {
    return q.breakGlass()
        .filter(g -> g.memberId().equals(q.requester().memberId()))
        .filter(g -> g.caseId().equals(q.caseFacts().caseId()))
        .filter(g -> g.isLiveAt(q.now()))
        .filter(
            g ->
                Duration.between(g.validFrom(), g.validUntil())
                        .compareTo(PACK.breakGlass().maxDuration())
                    <= 0)
        .isPresent();
  }

  private static DecisionRequest withConsents(DecisionRequest q, List<ConsentGrant> consents) {
    return new DecisionRequest(
        q.requester(), q.purpose(), q.caseFacts(), consents, q.breakGlass(), q.now());
  }

  // ---------------------------------------------------------------------------------- generators

  @Provide
  Arbitrary<Role> noContentRole() {
    return Arbitraries.of(Role.AUDITOR, Role.ADMIN);
  }

  private static Arbitrary<UUID> agency() {
    return Arbitraries.of(AGENCIES);
  }

  private static <E extends Enum<E>> Arbitrary<Set<E>> subset(Class<E> type, int max) {
    return Arbitraries.of(type).set().ofMaxSize(max);
  }

  /** Mostly generous MOUs, so that the rules behind the gates are exercised too. */
  private static Arbitrary<MouStatus> mou() {
    Arbitrary<Set<DataCategory>> cats =
        Arbitraries.oneOf(
            Arbitraries.just(EnumSet.allOf(DataCategory.class)),
            subset(DataCategory.class, DataCategory.values().length));
    Arbitrary<Set<Purpose>> purposes =
        Arbitraries.oneOf(
            Arbitraries.just(EnumSet.allOf(Purpose.class)),
            subset(Purpose.class, Purpose.values().length));
    return Combinators.combine(Arbitraries.of(true, true, true, false), cats, purposes)
        .as(MouStatus::new);
  }

  private static Arbitrary<Requester> requester() {
    Arbitrary<Set<Role>> roles =
        Arbitraries.oneOf(
            Arbitraries.just(Set.of(Role.MDT_MEMBER)),
            Arbitraries.just(Set.of(Role.CASE_COORDINATOR)),
            Arbitraries.just(Set.of(Role.CASE_COORDINATOR, Role.MDT_MEMBER)),
            subset(Role.class, 3));
    return Combinators.combine(
            agency(),
            Arbitraries.of(Sector.class),
            subset(LegalStatus.class, 2),
            roles,
            mou(),
            Arbitraries.of(true, true, true, false))
        .as(
            (agency, sector, status, rs, mou, training) ->
                new Requester(
                    MEMBER, agency, "Agency " + agency, sector, status, rs, mou, training));
  }

  /** The requester's agency is on the case more often than not. */
  private static Arbitrary<CaseFacts> caseFacts(Requester r) {
    return Combinators.combine(
            Arbitraries.of(r.agencyId(), AGENCIES.get(0), AGENCIES.get(1)),
            agency().set().ofMaxSize(6),
            Arbitraries.of(true, true, false),
            agency().set().ofMaxSize(3),
            subset(CaseFlag.class, 4))
        .as(
            (lead, participating, requesterTakesPart, safety, flags) -> {
              Set<UUID> p = new java.util.HashSet<>(participating);
              if (requesterTakesPart) {
                p.add(r.agencyId());
              }
              return new CaseFacts(CASE, UUID.randomUUID(), lead, p, safety, flags);
            });
  }

  private static Arbitrary<Instant> around() {
    return Arbitraries.longs().between(-400, 400).map(d -> NOW.plus(Duration.ofDays(d)));
  }

  /**
   * Consents that often, but not always, name this requester, its sector and purpose and are live,
   * so that generated reads reach the consent path and its near misses.
   */
  private static Arbitrary<ConsentGrant> consent(Requester r, Purpose purpose) {
    Arbitrary<Set<DataCategory>> cats =
        Arbitraries.oneOf(
            Arbitraries.of(DataCategory.class).map(Set::of), subset(DataCategory.class, 4));
    Arbitrary<Instant[]> window =
        Arbitraries.oneOf(
            Arbitraries.just(
                new Instant[] {NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(50))}),
            Combinators.combine(around(), Arbitraries.integers().between(1, 500))
                .as((from, days) -> new Instant[] {from, from.plus(Duration.ofDays(days))}));
    Arbitrary<Instant> revokedAt =
        Arbitraries.oneOf(
            Arbitraries.just((Instant) null), Arbitraries.just((Instant) null), around());
    Arbitrary<Set<UUID>> agencies =
        Combinators.combine(agency().set().ofMaxSize(3), Arbitraries.of(true, false))
            .as(
                (set, named) -> {
                  Set<UUID> out = new java.util.HashSet<>(set);
                  if (named) {
                    out.add(r.agencyId());
                  }
                  return out;
                });
    Arbitrary<Set<Sector>> sectors =
        Combinators.combine(subset(Sector.class, 2), Arbitraries.of(true, false))
            .as(
                (set, named) -> {
                  Set<Sector> out = EnumSet.noneOf(Sector.class);
                  out.addAll(set);
                  if (named) {
                    out.add(r.sector());
                  }
                  return out;
                });
    Arbitrary<Set<Purpose>> purposes =
        Combinators.combine(subset(Purpose.class, 3), Arbitraries.of(true, true, false))
            .as(
                (set, named) -> {
                  Set<Purpose> out = EnumSet.noneOf(Purpose.class);
                  out.addAll(set);
                  if (named) {
                    out.add(purpose);
                  }
                  return out;
                });
    Arbitrary<ConsentGrant> head =
        Combinators.combine(
                cats,
                agencies,
                sectors,
                purposes,
                window,
                revokedAt,
                Arbitraries.of(ConsentForm.class),
                subset(GrantorKind.class, 3))
            .as(
                (c, ag, sec, pur, w, rev, form, grantors) ->
                    new ConsentGrant(
                        UUID.randomUUID(),
                        c,
                        ag,
                        sec,
                        pur,
                        w[0],
                        w[1],
                        rev,
                        form,
                        grantors,
                        false));
    return Combinators.combine(head, Arbitraries.of(true, false))
        .as(
            (g, names) ->
                new ConsentGrant(
                    g.consentId(),
                    g.categories(),
                    g.recipientAgencyIds(),
                    g.recipientSectors(),
                    g.purposes(),
                    g.validFrom(),
                    g.validUntil(),
                    g.revokedAt(),
                    g.form(),
                    g.grantors(),
                    names));
  }

  private static Arbitrary<Optional<BreakGlassGrant>> breakGlass() {
    Arbitrary<BreakGlassGrant> grant =
        Combinators.combine(
                Arbitraries.of(MEMBER, UUID.randomUUID()),
                Arbitraries.of(CASE, UUID.randomUUID()),
                Arbitraries.longs().between(-600, 60),
                Arbitraries.longs().between(1, 600))
            .as(
                (m, c, startMin, lengthMin) -> {
                  Instant from = NOW.plus(Duration.ofMinutes(startMin));
                  return new BreakGlassGrant(
                      UUID.randomUUID(), m, c, from, from.plus(Duration.ofMinutes(lengthMin)));
                });
    return Arbitraries.oneOf(Arbitraries.just(Optional.empty()), grant.map(Optional::of));
  }

  private static Arbitrary<FieldLabel> field() {
    return Combinators.combine(
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
            Arbitraries.of(DataCategory.class),
            agency(),
            subset(LegalStatus.class, 2))
        .as(FieldLabel::new);
  }

  private static Arbitrary<Scenario> scenario(
      Arbitrary<Requester> requesters,
      Arbitrary<Purpose> purposes,
      Arbitrary<Optional<BreakGlassGrant>> breakGlass,
      Arbitrary<List<FieldLabel>> fields) {
    return Combinators.combine(requesters, purposes)
        .as(List::<Object>of)
        .flatMap(
            rp -> {
              Requester r = (Requester) rp.get(0);
              Purpose p = (Purpose) rp.get(1);
              return Combinators.combine(
                      caseFacts(r), consent(r, p).list().ofMaxSize(6), breakGlass, fields)
                  .as(
                      (c, consents, bg, fs) ->
                          new Scenario(new DecisionRequest(r, p, c, consents, bg, NOW), fs));
            });
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return scenario(
        requester(),
        Arbitraries.of(Purpose.class),
        breakGlass(),
        field().list().ofMinSize(1).ofMaxSize(12));
  }

  /** Law enforcement and prosecution reading Part 2 records to investigate or prosecute. */
  @Provide
  Arbitrary<Scenario> criminalInvestigations() {
    Arbitrary<Requester> cj =
        Combinators.combine(requester(), Arbitraries.of(Sector.LAW_ENFORCEMENT, Sector.PROSECUTION))
            .as(
                (r, sector) ->
                    new Requester(
                        r.memberId(),
                        r.agencyId(),
                        r.agencyName(),
                        sector,
                        r.legalStatus(),
                        Set.of(Role.MDT_MEMBER),
                        new MouStatus(
                            true, EnumSet.allOf(DataCategory.class), EnumSet.allOf(Purpose.class)),
                        true));
    return scenario(
        cj, Arbitraries.of(BARRED), breakGlass(), part2Fields().list().ofMinSize(1).ofMaxSize(6));
  }

  /** Anyone reading Part 2 records to investigate or prosecute. */
  @Provide
  Arbitrary<Scenario> investigationsByAnyone() {
    return scenario(
        requester(),
        Arbitraries.of(BARRED),
        breakGlass(),
        part2Fields().list().ofMinSize(1).ofMaxSize(6));
  }

  /** Emergencies with a live break-glass grant for the reading member and case. */
  @Provide
  Arbitrary<Scenario> emergencies() {
    Arbitrary<Optional<BreakGlassGrant>> live =
        Arbitraries.longs()
            .between(1, 230)
            .map(
                m ->
                    Optional.of(
                        new BreakGlassGrant(
                            UUID.randomUUID(),
                            MEMBER,
                            CASE,
                            NOW.minus(Duration.ofMinutes(m)),
                            NOW.minus(Duration.ofMinutes(m)).plus(Duration.ofHours(4)))));
    return scenario(
        requester(),
        Arbitraries.just(Purpose.EMERGENCY),
        live,
        field().list().ofMinSize(1).ofMaxSize(12));
  }

  private static Arbitrary<FieldLabel> part2Fields() {
    return Combinators.combine(agency(), subset(LegalStatus.class, 2))
        .as((author, status) -> new FieldLabel("sud", DataCategory.SUBSTANCE_USE, author, status));
  }
}
