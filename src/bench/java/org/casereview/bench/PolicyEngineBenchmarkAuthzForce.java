package org.casereview.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.DecisionType;
import org.casereview.policy.AccessRule;
import org.casereview.policy.CategoryPolicy;
import org.casereview.policy.DataCategory;
import org.casereview.policy.DecisionRequest;
import org.casereview.policy.FieldDecision;
import org.casereview.policy.FieldLabel;
import org.casereview.policy.LegalStatus;
import org.casereview.policy.PolicyEngine;
import org.casereview.policy.PolicyPack;
import org.casereview.policy.Purpose;
import org.casereview.policy.Requester;
import org.casereview.policy.Role;
import org.casereview.policy.RolePolicy;
import org.casereview.policy.Sector;
import org.casereview.policy.pack.PolicyPackLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ow2.authzforce.core.pdp.api.AttributeFqn;
import org.ow2.authzforce.core.pdp.api.AttributeFqns;
import org.ow2.authzforce.core.pdp.api.DecisionRequestBuilder;
import org.ow2.authzforce.core.pdp.api.value.AttributeBag;
import org.ow2.authzforce.core.pdp.api.value.Bags;
import org.ow2.authzforce.core.pdp.api.value.BooleanValue;
import org.ow2.authzforce.core.pdp.api.value.StandardDatatypes;
import org.ow2.authzforce.core.pdp.api.value.StringValue;
import org.ow2.authzforce.core.pdp.impl.BasePdpEngine;
import org.ow2.authzforce.core.pdp.impl.PdpEngineConfiguration;

/**
 * The baseline: AuthzForce (XACML 3.0) deciding the same 200 field requests under an equivalent
 * role-and-category policy generated from the shipped pack: role and purpose gates, MOU, author
 * agency, coordinator triage and every permission without consent (sector, legal status,
 * purpose, relation to the case, case flags), deny overrides. It has no consent, no reasons and
 * no remedies. Setup checks that both engines agree on every field our engine decided without a
 * consent. Bench profile only (AuthzForce is not on the regular test classpath).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PolicyEngineBenchmarkAuthzForce {
  private static final String XACML = "urn:oasis:names:tc:xacml:3.0:core:schema:wd-17";
  private static final String SUBJECT = "urn:oasis:names:tc:xacml:1.0:subject-category:access-subject";
  private static final String RESOURCE = "urn:oasis:names:tc:xacml:3.0:attribute-category:resource";
  private static final String ACTION = "urn:oasis:names:tc:xacml:3.0:attribute-category:action";
  private static final String ENVIRONMENT =
      "urn:oasis:names:tc:xacml:3.0:attribute-category:environment";
  private static final String STRING = "http://www.w3.org/2001/XMLSchema#string";
  private static final String BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean";
  private static final String F = "urn:oasis:names:tc:xacml:1.0:function:";

  @Param({"CHILD_WELFARE", "LAW_ENFORCEMENT", "EDUCATION"})
  public String requesterSector;

  private BasePdpEngine pdp;
  private BenchCase bench;
  private DecisionRequestBuilder<?> builder;
  private final List<Object[]> subjectAttributes = new ArrayList<>();
  private final List<Object[][]> fieldAttributes = new ArrayList<>();
  private Path dir;

  @Setup
  public void setUp() throws IOException {
    PolicyPack pack = PolicyPackLoader.loadDefault();
    bench = new BenchCase(Sector.valueOf(requesterSector), Purpose.CASE_REVIEW);
    dir = Files.createTempDirectory("authzforce-bench");
    Files.writeString(dir.resolve("policy.xml"), xacmlPolicy(pack), StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("pdp.xml"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<pdp xmlns=\"http://authzforce.github.io/core/xmlns/pdp/8\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"8.0\">\n"
            + "  <policyProvider id=\"root\" xsi:type=\"StaticPolicyProvider\">\n"
            + "    <policyLocation>"
            + dir.resolve("policy.xml").toUri()
            + "</policyLocation>\n"
            + "  </policyProvider>\n"
            + "  <rootPolicyRef>mdt-root</rootPolicyRef>\n"
            + "</pdp>\n",
        StandardCharsets.UTF_8);
    pdp = new BasePdpEngine(PdpEngineConfiguration.getInstance(dir.resolve("pdp.xml").toString()));
    builder = pdp.newRequestBuilder(-1, -1);

    DecisionRequest r = bench.request;
    Requester q = r.requester();
    boolean onCase = r.caseFacts().isOnCase(q.agencyId());
    boolean onSafetyPlan = r.caseFacts().safetyPlanAgencyIds().contains(q.agencyId());
    subject("role", strings(q.roles().stream().map(Role::realmRole).collect(Collectors.toSet())));
    subject("agency", strings(Set.of(q.agencyId().toString())));
    subject("sector", strings(Set.of(q.sector().name())));
    subject("legal-status", strings(names(q.legalStatus())));
    subject("mou-active", bool(q.mou().active()));
    subject("training-current", bool(q.trainingCurrent()));
    subject("mou-category", strings(names(q.mou().categories())));
    subject("mou-purpose", strings(names(q.mou().purposes())));
    subject("on-case", bool(onCase));
    subject("safety-plan", bool(onSafetyPlan));
    subjectAttributes.add(
        new Object[] {fqn(ACTION, "purpose"), strings(Set.of(r.purpose().name()))});
    subjectAttributes.add(
        new Object[] {fqn(ENVIRONMENT, "case-flag"), strings(names(r.caseFacts().flags()))});
    for (FieldLabel f : bench.fields) {
      fieldAttributes.add(
          new Object[][] {
            {fqn(RESOURCE, "category"), strings(Set.of(f.category().name()))},
            {fqn(RESOURCE, "author"), strings(Set.of(f.authorAgencyId().toString()))},
            {fqn(RESOURCE, "author-legal-status"), strings(names(f.authorLegalStatus()))}
          });
    }
    checkEquivalence(new PolicyEngine(pack));
  }

  @TearDown
  public void tearDown() throws IOException {
    pdp.close();
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  @Benchmark
  @OperationsPerInvocation(BenchCase.FIELDS)
  public boolean[] authzforce_decideEachField() {
    boolean[] permit = new boolean[BenchCase.FIELDS];
    for (int i = 0; i < BenchCase.FIELDS; i++) {
      permit[i] = evaluate(i);
    }
    return permit;
  }

  private boolean evaluate(int field) {
    builder.reset();
    for (Object[] a : subjectAttributes) {
      put(a);
    }
    for (Object[] a : fieldAttributes.get(field)) {
      put(a);
    }
    return pdp.evaluate(builder.build(false)).getDecision() == DecisionType.PERMIT;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void put(Object[] a) {
    builder.putNamedAttributeIfAbsent((AttributeFqn) a[0], (AttributeBag) a[1]);
  }

  /** Both engines must agree wherever ours decided without a consent; consents are ours alone. */
  private void checkEquivalence(PolicyEngine ours) {
    List<FieldDecision> decisions = ours.decideAll(bench.request, bench.fields);
    int compared = 0;
    for (int i = 0; i < decisions.size(); i++) {
      FieldDecision d = decisions.get(i);
      boolean xacml = evaluate(i);
      if (d.consentId() == null) {
        compared++;
        if (d.permitted() != xacml) {
          throw new IllegalStateException(
              "engines disagree on field " + i + " (" + d.category() + "): ours " + d.outcome()
                  + " by " + d.ruleId() + ", AuthzForce " + (xacml ? "PERMIT" : "DENY"));
        }
      } else if (xacml) {
        throw new IllegalStateException("AuthzForce permits a consent-only field " + i);
      }
    }
    System.out.println(
        "[bench] engines agree on " + compared + " of " + decisions.size()
            + " fields decided without consent; the other "
            + (decisions.size() - compared) + " were opened by a consent only our engine models");
  }

  private void subject(String id, AttributeBag<?> bag) {
    subjectAttributes.add(new Object[] {fqn(SUBJECT, id), bag});
  }

  private static AttributeFqn fqn(String category, String id) {
    return AttributeFqns.newInstance(category, Optional.empty(), id);
  }

  private static AttributeBag<StringValue> strings(Set<String> values) {
    return Bags.newAttributeBag(
        StandardDatatypes.STRING, values.stream().map(StringValue::new).toList());
  }

  private static AttributeBag<BooleanValue> bool(boolean b) {
    return Bags.singletonAttributeBag(StandardDatatypes.BOOLEAN, BooleanValue.valueOf(b));
  }

  private static Set<String> names(Set<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).collect(Collectors.toSet());
  }

  // ------------------------------------------------------------------ XACML policy from the pack

  private static String xacmlPolicy(PolicyPack pack) {
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<PolicySet xmlns=\"").append(XACML).append("\" PolicySetId=\"mdt-root\" Version=\"1.0\"")
        .append(" PolicyCombiningAlgId=\"urn:oasis:names:tc:xacml:3.0:policy-combining-algorithm:deny-overrides\">")
        .append("<Target/>");
    // Gates: deny overrides everything below.
    x.append("<Policy PolicyId=\"gates\" Version=\"1.0\"")
        .append(" RuleCombiningAlgId=\"urn:oasis:names:tc:xacml:3.0:rule-combining-algorithm:deny-overrides\"><Target/>");
    StringBuilder noContentRoles = new StringBuilder("<AnyOf>");
    for (RolePolicy rp : pack.roles().values()) {
      if (!rp.caseContent()) {
        noContentRoles.append(allOf(match(SUBJECT, "role", rp.role().realmRole())));
      }
    }
    noContentRoles.append("</AnyOf>");
    x.append(rule("role-no-case-content", "Deny", "<Target>" + noContentRoles + "</Target>", ""));
    x.append(rule("purpose-audit", "Deny", target(anyOf(ACTION, "purpose", Set.of("AUDIT"))), ""));
    x.append(
        rule(
            "mou-training",
            "Deny",
            "<Target/>",
            condition(
                apply(
                    "not",
                    apply(
                        "and",
                        apply("boolean-one-and-only", designator(SUBJECT, "mou-active", BOOLEAN)),
                        apply(
                            "boolean-one-and-only",
                            designator(SUBJECT, "training-current", BOOLEAN)))))));
    x.append(
        rule(
            "mou-purpose",
            "Deny",
            "<Target/>",
            condition(
                apply(
                    "not",
                    apply(
                        "string-is-in",
                        apply("string-one-and-only", designator(ACTION, "purpose", STRING)),
                        designator(SUBJECT, "mou-purpose", STRING))))));
    String notAuthor =
        apply(
            "not",
            apply(
                "string-equal",
                apply("string-one-and-only", designator(RESOURCE, "author", STRING)),
                apply("string-one-and-only", designator(SUBJECT, "agency", STRING))));
    x.append(
        rule(
            "mou-category",
            "Deny",
            "<Target/>",
            condition(
                apply(
                    "and",
                    apply(
                        "not",
                        apply(
                            "string-is-in",
                            apply("string-one-and-only", designator(RESOURCE, "category", STRING)),
                            designator(SUBJECT, "mou-category", STRING))),
                    notAuthor))));
    // Reclassification: identity held by a VAWA provider is governed as VICTIM_ADVOCACY, which
    // nothing but the author (or a consent) opens.
    for (CategoryPolicy cp : pack.categories().values()) {
      cp.reclassifications()
          .forEach(
              rc ->
                  x.append(
                      rule(
                          "reclassify-" + cp.category(),
                          "Deny",
                          target(
                              anyOf(RESOURCE, "category", Set.of(cp.category().name())),
                              anyOf(
                                  RESOURCE,
                                  "author-legal-status",
                                  Set.of(rc.authorLegalStatus().name()))),
                          condition(notAuthor))));
    }
    x.append("</Policy>");

    // Permissions: any one permits.
    x.append("<Policy PolicyId=\"permits\" Version=\"1.0\"")
        .append(" RuleCombiningAlgId=\"urn:oasis:names:tc:xacml:3.0:rule-combining-algorithm:permit-overrides\"><Target/>");
    x.append(
        rule(
            "author-agency",
            "Permit",
            "<Target/>",
            condition(
                apply(
                    "string-equal",
                    apply("string-one-and-only", designator(RESOURCE, "author", STRING)),
                    apply("string-one-and-only", designator(SUBJECT, "agency", STRING))))));
    for (RolePolicy rp : pack.roles().values()) {
      if (rp.caseContent() && !rp.triageCategories().isEmpty()) {
        x.append(
            rule(
                "triage-" + rp.role(),
                "Permit",
                target(
                    anyOf(SUBJECT, "role", Set.of(rp.role().realmRole())),
                    anyOf(RESOURCE, "category", names(rp.triageCategories())),
                    anyOf(ACTION, "purpose", names(rp.triagePurposes()))),
                ""));
      }
    }
    Set<String> memberRoles =
        pack.roles().values().stream()
            .filter(rp -> rp.caseContent() && rp.asMember())
            .map(rp -> rp.role().realmRole())
            .collect(Collectors.toSet());
    for (DataCategory c : DataCategory.values()) {
      for (AccessRule a : pack.categories().get(c).access()) {
        if (a.requiresBreakGlass()) {
          continue; // the benchmark case has no emergency
        }
        List<String> anyOfs = new ArrayList<>();
        anyOfs.add(anyOf(SUBJECT, "role", memberRoles));
        anyOfs.add(anyOf(RESOURCE, "category", Set.of(c.name())));
        anyOfs.add(anyOf(ACTION, "purpose", names(a.purposes())));
        if (!a.sectors().isEmpty()) {
          anyOfs.add(anyOf(SUBJECT, "sector", names(a.sectors())));
        }
        for (LegalStatus ls : a.legalStatus()) {
          anyOfs.add(anyOf(SUBJECT, "legal-status", Set.of(ls.name())));
        }
        a.caseFlags().forEach(f -> anyOfs.add(anyOf(ENVIRONMENT, "case-flag", Set.of(f.name()))));
        switch (a.relation()) {
          case ON_CASE -> anyOfs.add(anyOfBoolean(SUBJECT, "on-case"));
          case SAFETY_PLAN -> anyOfs.add(anyOfBoolean(SUBJECT, "safety-plan"));
          case ANY -> {}
        }
        x.append(rule(a.ruleId(), "Permit", target(anyOfs.toArray(String[]::new)), ""));
      }
    }
    x.append("</Policy></PolicySet>\n");
    return x.toString();
  }

  private static String rule(String id, String effect, String target, String condition) {
    return "<Rule RuleId=\"" + id + "\" Effect=\"" + effect + "\">" + target + condition + "</Rule>";
  }

  private static String target(String... anyOfs) {
    return "<Target>" + String.join("", anyOfs) + "</Target>";
  }

  private static String anyOf(String category, String id, Set<String> values) {
    StringBuilder s = new StringBuilder("<AnyOf>");
    values.stream().sorted().forEach(v -> s.append(allOf(match(category, id, v))));
    return s.append("</AnyOf>").toString();
  }

  private static String anyOfBoolean(String category, String id) {
    return "<AnyOf><AllOf><Match MatchId=\"" + F + "boolean-equal\">"
        + "<AttributeValue DataType=\"" + BOOLEAN + "\">true</AttributeValue>"
        + designator(category, id, BOOLEAN) + "</Match></AllOf></AnyOf>";
  }

  private static String allOf(String match) {
    return "<AllOf>" + match + "</AllOf>";
  }

  private static String match(String category, String id, String value) {
    return "<Match MatchId=\"" + F + "string-equal\">"
        + "<AttributeValue DataType=\"" + STRING + "\">" + value + "</AttributeValue>"
        + designator(category, id, STRING) + "</Match>";
  }

  private static String designator(String category, String id, String type) {
    return "<AttributeDesignator Category=\"" + category + "\" AttributeId=\"" + id
        + "\" DataType=\"" + type + "\" MustBePresent=\"false\"/>";
  }

  private static String condition(String apply) {
    return "<Condition>" + apply + "</Condition>";
  }

  private static String apply(String function, String... args) {
    return "<Apply FunctionId=\"" + F + function + "\">" + String.join("", args) + "</Apply>";
  }
}
