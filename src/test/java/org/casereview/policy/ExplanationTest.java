package org.casereview.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.casereview.policy.pack.PolicyPackLoader;
import org.junit.jupiter.api.Test;

/** What a withheld field tells the reader: the rule, its citation, and what would allow it. */
class ExplanationTest {
  private static final PolicyEngine ENGINE = new PolicyEngine(PolicyPackLoader.loadDefault());
  private static final UUID SCHOOL = UUID.randomUUID();
  private static final UUID HOSPITAL = UUID.randomUUID();
  private static final UUID CASE = UUID.randomUUID();

  private static Requester school() {
    return new Requester(
        UUID.randomUUID(),
        SCHOOL,
        "Riverside Unified School District",
        Sector.EDUCATION,
        Set.of(LegalStatus.FERPA_EDUCATIONAL_AGENCY),
        Set.of(Role.MDT_MEMBER),
        new MouStatus(true, EnumSet.allOf(DataCategory.class), EnumSet.allOf(Purpose.class)),
        true);
  }

  private static DecisionRequest read(Requester r, Purpose p, List<ConsentGrant> consents) {
    return new DecisionRequest(
        r,
        p,
        new CaseFacts(CASE, UUID.randomUUID(), HOSPITAL, Set.of(SCHOOL), Set.of(), Set.of()),
        consents,
        Optional.empty(),
        MatrixLines.NOW);
  }

  @Test
  void withheldHealthField_namesTheRuleAndTheConsentThatWouldAllowIt() {
    FieldDecision d =
        ENGINE.decide(
            read(school(), Purpose.CASE_REVIEW, List.of()),
            new FieldLabel("exam.findings", DataCategory.HEALTH, HOSPITAL, Set.of()));
    assertEquals(Outcome.WITHHOLD, d.outcome());
    assertEquals("HEALTH-DEFAULT", d.ruleId());
    assertTrue(d.reason().contains("HEALTH") && d.reason().contains("164.502"), d.reason());
    assertEquals(
        "a written or electronically signed consent naming Riverside Unified School District (or"
            + " sector EDUCATION) for HEALTH, purpose CASE_REVIEW, given by a parent or guardian"
            + " who is not the suspected abuser, or the agency with legal custody, or a court"
            + " order",
        d.remedy());
  }

  @Test
  void revokedConsent_isNamedInTheReasonOfTheWithheldField() {
    ConsentGrant revoked =
        new ConsentGrant(
            UUID.randomUUID(),
            Set.of(DataCategory.HEALTH),
            Set.of(SCHOOL),
            Set.of(),
            Set.of(Purpose.CASE_REVIEW),
            MatrixLines.NOW.minus(Duration.ofDays(10)),
            MatrixLines.NOW.plus(Duration.ofDays(100)),
            MatrixLines.NOW.minus(Duration.ofMinutes(1)),
            ConsentForm.WRITTEN,
            Set.of(GrantorKind.PARENT_OR_GUARDIAN),
            false);
    FieldDecision d =
        ENGINE.decide(
            read(school(), Purpose.CASE_REVIEW, List.of(revoked)),
            new FieldLabel("exam.findings", DataCategory.HEALTH, HOSPITAL, Set.of()));
    assertEquals("CONSENT-LIVE", d.ruleId());
    assertTrue(d.reason().contains("consent " + revoked.consentId() + " was revoked"), d.reason());
  }

  @Test
  void part2Bar_remedyAsksForACourtOrderNotAConsent() {
    Requester police =
        new Requester(
            UUID.randomUUID(),
            SCHOOL,
            "Riverside Police Department",
            Sector.LAW_ENFORCEMENT,
            Set.of(LegalStatus.CRIMINAL_JUSTICE_AGENCY),
            Set.of(Role.MDT_MEMBER),
            new MouStatus(true, EnumSet.allOf(DataCategory.class), EnumSet.allOf(Purpose.class)),
            true);
    FieldDecision d =
        ENGINE.decide(
            read(police, Purpose.INVESTIGATION, List.of()),
            new FieldLabel("treatment.plan", DataCategory.SUBSTANCE_USE, HOSPITAL, Set.of()));
    assertEquals("PART2-CRIMINAL-USE-BAR", d.ruleId());
    assertTrue(d.remedy().contains("court order under 42 CFR 2.65"), d.remedy());
    assertTrue(d.remedy().contains("Riverside Police Department"), d.remedy());
  }

  @Test
  void decisions_neverEchoTheFieldNameIntoReasonOrRemedy() {
    // Field names are chosen by authors of free-form records; keep them out of explanations too.
    String name = "free-form: suspect is J. Doe";
    for (DataCategory c : DataCategory.values()) {
      FieldDecision d =
          ENGINE.decide(
              read(school(), Purpose.CASE_REVIEW, List.of()),
              new FieldLabel(name, c, HOSPITAL, Set.of()));
      assertFalse(d.reason().contains("J. Doe"));
      assertFalse(d.remedy() != null && d.remedy().contains("J. Doe"));
    }
  }

  @Test
  void decideAll_givesEachFieldItsOwnNameAndTheSameDecisionAsDecide() {
    DecisionRequest r = read(school(), Purpose.CASE_REVIEW, List.of());
    List<FieldLabel> fields =
        List.of(
            new FieldLabel("a", DataCategory.HEALTH, HOSPITAL, Set.of()),
            new FieldLabel("b", DataCategory.HEALTH, HOSPITAL, Set.of()),
            new FieldLabel("c", DataCategory.IDENTITY, HOSPITAL, Set.of()),
            new FieldLabel("d", DataCategory.EDUCATION, SCHOOL, Set.of()));
    List<FieldDecision> all = ENGINE.decideAll(r, fields);
    assertEquals(4, all.size());
    for (int i = 0; i < fields.size(); i++) {
      assertEquals(ENGINE.decide(r, fields.get(i)), all.get(i));
      assertEquals(fields.get(i).name(), all.get(i).field());
    }
  }
}
