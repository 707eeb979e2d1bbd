package org.casereview.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casereview.policy.pack.PolicyPackLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The truth table: every numbered line of docs/policy-matrix.md, run against the engine with the
 * shipped pack. The document, this test and the pack agree, or the build fails.
 */
class PolicyMatrixTest {
  private static final PolicyEngine ENGINE = new PolicyEngine(PolicyPackLoader.loadDefault());

  /** Rules that never decide a field or refuse a consent on their own. */
  private static final Set<String> NOT_DECIDING =
      Set.of(
          RuleIds.DENY_BY_DEFAULT, // the principle; each category names its own default rule
          RuleIds.PART2_REDISCLOSURE_NOTICE, // an obligation, checked in the obligations column
          "IDENTITY-VAWA-PROVIDER", // a reclassification, named in the reason
          "ROLE-MDT-MEMBER"); // a role that adds nothing beyond the category rules

  @TestFactory
  Stream<DynamicTest> everyFieldLine_isDecidedAsTheMatrixSays() throws IOException {
    return MatrixLines.fieldLines().stream()
        .map(
            line ->
                DynamicTest.dynamicTest(
                    "#" + line.number() + " " + line.text(),
                    () -> {
                      FieldDecision d = ENGINE.decide(line.request(), line.field());
                      String where = "line " + line.number() + ": " + d.reason();
                      assertEquals(line.outcome(), d.outcome(), where);
                      assertEquals(line.rule(), d.ruleId(), where);
                      assertEquals(line.obligations(), d.obligations(), where);
                      assertEquals(ENGINE.packVersion(), d.packVersion());
                      assertEquals(line.field().name(), d.field());
                      assertEquals(line.field().category(), d.category());
                      assertFalse(d.citation().isBlank(), where);
                      assertTrue(d.reason().contains(d.ruleId()), where);
                      if (d.outcome() == Outcome.WITHHOLD) {
                        assertNotNull(d.remedy(), where);
                        assertNull(d.consentId(), where);
                      } else {
                        assertNull(d.remedy(), where);
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyConsentLine_isAcceptedOrRefusedAsTheMatrixSays() throws IOException {
    return MatrixLines.consentLines().stream()
        .map(
            line ->
                DynamicTest.dynamicTest(
                    line.number() + " " + line.text(),
                    () -> {
                      List<ConsentViolation> v = ENGINE.consentRules().validate(line.draft());
                      Set<String> rules =
                          v.stream().map(ConsentViolation::ruleId).collect(Collectors.toSet());
                      assertEquals(line.accept(), v.isEmpty(), "line " + line.number() + ": " + v);
                      assertEquals(line.rules(), rules, "line " + line.number() + ": " + v);
                      for (ConsentViolation x : v) {
                        assertFalse(x.citation().isBlank());
                      }
                    }));
  }

  @Test
  void everyDecidingRuleOfTheShippedPack_appearsInTheMatrix() throws IOException {
    Set<String> used = new HashSet<>();
    MatrixLines.fieldLines().forEach(l -> used.add(l.rule()));
    MatrixLines.consentLines().forEach(l -> used.addAll(l.rules()));
    Set<String> missing = new TreeSet<>(ENGINE.pack().rules().keySet());
    missing.removeAll(used);
    missing.removeAll(NOT_DECIDING);
    assertEquals(Set.of(), missing, "pack rules no matrix line exercises");
    Set<String> unknown = new TreeSet<>(used);
    unknown.removeAll(ENGINE.pack().rules().keySet());
    assertEquals(Set.of(), unknown, "matrix names rules the pack does not have");
  }

  @Test
  void everyCategoryAndPurpose_appearsInTheMatrix() throws IOException {
    Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
    Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
    for (MatrixLines.FieldLine l : MatrixLines.fieldLines()) {
      categories.add(l.field().category());
      purposes.add(l.request().purpose());
    }
    assertEquals(EnumSet.allOf(DataCategory.class), categories);
    assertEquals(EnumSet.allOf(Purpose.class), purposes);
  }

  @Test
  void theMatrix_namesTheShippedPackVersion() throws IOException {
    assertTrue(
        Files.readString(MatrixLines.DOC).contains("`" + ENGINE.packVersion() + "`"),
        "docs/policy-matrix.md must name pack version " + ENGINE.packVersion());
  }
}
