package org.casereview;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layout that shows the architecture is also a test (docs/adr/0003). */
@AnalyzeClasses(packages = "org.casereview", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The disclosure decision is pure Java: it can be read, tested and benchmarked alone. */
  @ArchTest
  static final ArchRule policyImportsNoFramework =
      noClasses()
          .that()
          .resideInAnyPackage("org.casereview.policy..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta..",
              "javax.persistence..",
              "javax.inject..",
              "io.quarkus..",
              "io.smallrye..",
              "io.vertx..",
              "org.hibernate..",
              "org.eclipse.microprofile..",
              "org.jboss..")
          .because("the policy engine is pure Java (issue 4, ADR 0003)");

  /** Jackson reads the pack file, and only in the loader subpackage. */
  @ArchTest
  static final ArchRule onlyThePackLoaderUsesJackson =
      noClasses()
          .that()
          .resideInAnyPackage("org.casereview.policy..")
          .and()
          .resideOutsideOfPackage("org.casereview.policy.pack..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.fasterxml..")
          .because("the pack model is plain records; parsing lives in policy.pack");

  /** One place holds the provider-specific crypto code. */
  @ArchTest
  static final ArchRule onlyCryptoBouncyCastleImportsBouncyCastle =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.casereview.crypto.bouncycastle..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.bouncycastle..")
          .because("only org.casereview.crypto.bouncycastle may use Bouncy Castle (BRIEF)");
}
