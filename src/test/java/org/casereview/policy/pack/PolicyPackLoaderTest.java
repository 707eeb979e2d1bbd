package org.casereview.policy.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.casereview.policy.DataCategory;
import org.casereview.policy.InvalidPolicyPackException;
import org.casereview.policy.PolicyEngine;
import org.casereview.policy.PolicyPack;
import org.casereview.policy.Role;
import org.casereview.policy.RolePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken or loosened pack is refused at start, with a message that names the problem. */
class PolicyPackLoaderTest {

  private static String defaultYaml() throws IOException {
    try (InputStream in =
        PolicyPackLoader.class.getResourceAsStream(PolicyPackLoader.DEFAULT_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InvalidPolicyPackException refused(String yaml) {
    return assertThrows(
        InvalidPolicyPackException.class,
        () ->
            PolicyPackLoader.load(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test-pack"));
  }

  private static String replaceOnce(String s, String from, String to) {
    int i = s.indexOf(from);
    assertTrue(i >= 0, "the default pack no longer contains: " + from);
    return s.substring(0, i) + to + s.substring(i + from.length());
  }

  private static void assertProblem(InvalidPolicyPackException e, String fragment) {
    assertTrue(
        e.problems().stream().anyMatch(p -> p.contains(fragment)),
        "expected a problem containing '" + fragment + "' but got " + e.problems());
    assertTrue(e.getMessage().contains("test-pack"), e.getMessage());
  }

  @Test
  void shippedPack_loadsAndNamesItsVersion() {
    PolicyPack pack = PolicyPackLoader.loadDefault();
    assertEquals("default-2026.11.1", pack.version());
    assertEquals(DataCategory.values().length, pack.categories().size());
    assertEquals("default-2026.11.1", new PolicyEngine(pack).packVersion());
  }

  @Test
  void operatorPackFromAPath_isLoaded(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("county-pack.yaml");
    Files.writeString(file, replaceOnce(defaultYaml(), "default-2026.11.1", "riverside-2027.1"));
    assertEquals("riverside-2027.1", PolicyPackLoader.load(file).version());
  }

  @Test
  void missingPackFile_isRefused(@TempDir Path dir) {
    InvalidPolicyPackException e =
        assertThrows(
            InvalidPolicyPackException.class,
            () -> PolicyPackLoader.load(dir.resolve("none.yaml")));
    assertTrue(e.getMessage().contains("cannot read"), e.getMessage());
  }

  @Test
  void unknownCategory_isRefused() throws IOException {
    assertProblem(
        refused(
            replaceOnce(
                defaultYaml(),
                "  IMMIGRATION:\n    governingLaw",
                "  IMMIGRATON:\n    governingLaw")),
        "unknown DataCategory 'IMMIGRATON'");
  }

  @Test
  void categoryWithoutAnEntry_isRefused() throws IOException {
    String yaml = defaultYaml();
    yaml = yaml.substring(0, yaml.indexOf("  IMMIGRATION:\n    governingLaw"));
    assertProblem(refused(yaml), "category IMMIGRATION has no entry");
  }

  @Test
  void ruleWithoutCitation_isRefused() throws IOException {
    assertProblem(
        refused(
            replaceOnce(
                defaultYaml(),
                "  - id: HEALTH-TREATMENT\n    citation: \"HIPAA 45 CFR 164.506(c)\"\n",
                "  - id: HEALTH-TREATMENT\n")),
        "HEALTH-TREATMENT): missing citation");
  }

  @Test
  void ruleNamingAnUnknownPurpose_isRefused() throws IOException {
    assertProblem(
        refused(replaceOnce(defaultYaml(), "purposes: [TREATMENT]", "purposes: [TREATMNT]")),
        "unknown Purpose 'TREATMNT'");
  }

  @Test
  void ruleReferringToAnUnknownRuleId_isRefused() throws IOException {
    assertProblem(
        refused(replaceOnce(defaultYaml(), "- rule: HEALTH-TREATMENT", "- rule: HEALTH-TREATMEN")),
        "refers to unknown rule HEALTH-TREATMEN");
  }

  @Test
  void misspelledKey_isRefusedRatherThanIgnored() throws IOException {
    assertProblem(
        refused(
            replaceOnce(
                defaultYaml(),
                "caseFlags: [CHILD_ABUSE_REPORT]",
                "caseFlag: [CHILD_ABUSE_REPORT]")),
        "caseFlag: unknown key");
  }

  @Test
  void missingStatutoryInvariant_isRefused() throws IOException {
    assertProblem(
        refused(
            replaceOnce(
                defaultYaml(), "- id: PART2-CRIMINAL-USE-BAR", "- id: PART2-CRIMINAL-USE-BAR-OFF")),
        "required rule PART2-CRIMINAL-USE-BAR is missing");
  }

  @Test
  void breakGlassOpeningVictimAdvocacy_isRefused() throws IOException {
    assertProblem(
        refused(
            replaceOnce(
                defaultYaml(),
                "categories: [SAFETY_LOCATION, HEALTH]",
                "categories: [SAFETY_LOCATION, HEALTH, VICTIM_ADVOCACY]")),
        "breakGlass.categories may not include VICTIM_ADVOCACY");
  }

  @Test
  void part2ConsentBySector_isRefused() throws IOException {
    String yaml = defaultYaml();
    int part2 = yaml.indexOf("rule: PART2-CONSENT");
    yaml =
        yaml.substring(0, part2)
            + replaceOnce(
                yaml.substring(part2), "recipients: AGENCY", "recipients: AGENCY_OR_SECTOR");
    assertProblem(refused(yaml), "42 CFR 2.31(a)(4)");
  }

  @Test
  void substanceUseOpenedForInvestigationWithoutConsent_isRefused() throws IOException {
    String yaml =
        replaceOnce(
            defaultYaml(),
            "    defaultRule: PART2-DEFAULT\n    obligations: [PART2_REDISCLOSURE_NOTICE]\n    access: []",
            "    defaultRule: PART2-DEFAULT\n    obligations: [PART2_REDISCLOSURE_NOTICE]\n    access:\n"
                + "      - rule: PART2-DEFAULT\n        relation: ON_CASE\n        purposes: [INVESTIGATION]");
    assertProblem(refused(yaml), "PART2-CRIMINAL-USE-BAR");
  }

  @Test
  void psychotherapyConsentNotSpecific_isRefused() throws IOException {
    assertProblem(
        refused(replaceOnce(defaultYaml(), "specific: true", "specific: false")),
        "PSYCHOTHERAPY-NOTES-SPECIFIC");
  }

  @Test
  void victimAdvocacyConsentWithoutTimeLimit_isRefused() throws IOException {
    assertProblem(
        refused(replaceOnce(defaultYaml(), "      maxValidityDays: 90\n", "")),
        "maxValidityDays is required");
  }

  @Test
  void lawEnforcementSensitiveOpenedByConsent_isRefused() throws IOException {
    assertProblem(
        refused(
            replaceOnce(
                defaultYaml(),
                "      allowed: false\n      rule: CJIS-NO-CONSENT",
                "      allowed: true\n      rule: CJIS-NO-CONSENT\n      recipients: AGENCY\n"
                    + "      forms: [WRITTEN]\n      grantors:\n        minor: [[YOUTH]]\n"
                    + "        adult: [[YOUTH]]")),
        "only the originating agency releases it");
  }

  @Test
  void auditorSeeingCaseContent_isRefused() throws IOException {
    assertProblem(
        refused(
            replaceOnce(
                defaultYaml(),
                "AUDITOR: { rule: ROLE-NO-CASE-CONTENT, caseContent: false }",
                "AUDITOR: { rule: ROLE-NO-CASE-CONTENT, caseContent: true }")),
        "roles.AUDITOR may not see case content");
  }

  @Test
  void notYaml_isRefused() {
    assertProblem(refused("version: [unclosed"), "not valid YAML");
  }

  @Test
  void engine_refusesAnInvalidPackBuiltInCode() {
    PolicyPack good = PolicyPackLoader.loadDefault();
    Map<Role, RolePolicy> roles = new HashMap<>(good.roles());
    roles.remove(Role.ADMIN);
    PolicyPack bad =
        new PolicyPack(
            good.version(),
            good.title(),
            good.rules(),
            roles,
            good.categories(),
            good.breakGlass());
    InvalidPolicyPackException e =
        assertThrows(InvalidPolicyPackException.class, () -> new PolicyEngine(bad));
    assertTrue(e.problems().contains("role ADMIN has no entry"), e.problems().toString());
  }
}
