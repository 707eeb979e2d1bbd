package org.casereview.audit.accounting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import org.casereview.audit.AuditEvent;
import org.casereview.audit.AuditEventType;
import org.casereview.audit.AuditField;
import org.casereview.audit.AuditLog;
import org.casereview.audit.AuditTestSupport;
import org.casereview.audit.chain.ChainSealer;
import org.casereview.audit.chain.Sealer;
import org.casereview.policy.DataCategory;
import org.casereview.policy.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A youth's accounting lists what left the agency that holds the record, and nothing else: not an
 * agency reading its own record, not a withheld field, not a refusal.
 */
@QuarkusTest
@TestSecurity(user = "b0000000-0000-4000-8000-000000000011", roles = "auditor")
@OidcSecurity(
    claims = {
      @Claim(key = "sub", value = "b0000000-0000-4000-8000-000000000011"),
      @Claim(key = "agency_id", value = "a0000000-0000-4000-8000-000000000001")
    })
class AccountingTest {

  private static final UUID CLINIC = UUID.randomUUID();
  private static final UUID POLICE = UUID.randomUUID();
  private static final UUID DETECTIVE = UUID.randomUUID();
  private static final UUID NURSE = UUID.randomUUID();

  @Inject AuditLog log;
  @Inject Sealer sealer;
  private UUID subject;
  private UUID consent;

  private void record(AuditEvent e) {
    QuarkusTransaction.requiringNew().run(() -> log.record(e));
  }

  @BeforeEach
  void disclosuresInsideAndOutsideTheHoldingAgency() {
    subject = UUID.randomUUID();
    consent = UUID.randomUUID();
    // Police read the clinic's exam findings for a child-abuse report: outside the clinic.
    record(
        AuditEvent.builder(AuditEventType.DISCLOSURE)
            .actor(DETECTIVE, POLICE)
            .purpose(Purpose.INVESTIGATION)
            .subjectId(subject)
            .field(
                AuditField.released(
                    "exam.findings",
                    DataCategory.HEALTH,
                    "HEALTH-512B",
                    "45 CFR 164.512(b)(1)(ii)",
                    null,
                    "CHILD_ABUSE_REPORT",
                    CLINIC,
                    Set.of()))
            .field(
                AuditField.withheld(
                    "therapy.notes",
                    DataCategory.PSYCHOTHERAPY_NOTES,
                    "PSYTHPN-AUTHOR-ONLY",
                    "45 CFR 164.508(a)(2)",
                    CLINIC))
            .build());
    // The clinic's nurse reads the clinic's own record: no disclosure outside.
    record(
        AuditEvent.builder(AuditEventType.DISCLOSURE)
            .actor(NURSE, CLINIC)
            .purpose(Purpose.TREATMENT)
            .subjectId(subject)
            .field(
                AuditField.released(
                    "exam.findings",
                    DataCategory.HEALTH,
                    "AUTHOR-AGENCY",
                    null,
                    null,
                    null,
                    CLINIC,
                    Set.of()))
            .build());
    // The nurse reads school attendance under a consent: outside the school (unknown holder id).
    record(
        AuditEvent.builder(AuditEventType.DISCLOSURE)
            .actor(NURSE, CLINIC)
            .purpose(Purpose.TREATMENT)
            .subjectId(subject)
            .field(
                AuditField.released(
                    "school.attendance",
                    DataCategory.EDUCATION,
                    "EDU-CONSENT",
                    "34 CFR 99.30",
                    consent,
                    null,
                    UUID.randomUUID(),
                    Set.of()))
            .build());
    QuarkusTransaction.requiringNew()
        .run(() -> log.recordRefusal(AuditTestSupport.refusal(subject)));
  }

  @Test
  void accounting_listsOnlyDisclosuresOutsideTheHoldingAgency() {
    given()
        .accept("application/json")
        .get("/api/v1/audit/accounting/" + subject)
        .then()
        .statusCode(200)
        .body("subjectId", equalTo(subject.toString()))
        .body("disclosures", hasSize(2))
        .body("disclosures[0].recipientAgencyId", equalTo(POLICE.toString()))
        .body("disclosures[0].recipientMemberId", equalTo(DETECTIVE.toString()))
        .body("disclosures[0].purpose", equalTo("INVESTIGATION"))
        .body("disclosures[0].disclosed", hasSize(1))
        .body("disclosures[0].disclosed[0].field", equalTo("exam.findings"))
        .body("disclosures[0].disclosed[0].holderAgencyId", equalTo(CLINIC.toString()))
        .body("disclosures[0].legalBasis[0].citation", equalTo("45 CFR 164.512(b)(1)(ii)"))
        .body("disclosures[0].legalBasis[0].exception", equalTo("CHILD_ABUSE_REPORT"))
        .body("disclosures[1].disclosed[0].category", equalTo("EDUCATION"))
        .body("disclosures[1].legalBasis[0].consentId", equalTo(consent.toString()));
  }

  @Test
  void disclosuresNotYetSealed_areListed_andOnceSealed_listedOnce() throws Exception {
    // Sealed disclosures are found through the youth's filter keys, the rest from the tail of the
    // log. Holding the sealer's leader lock keeps every instance from sealing meanwhile.
    UUID youth = UUID.randomUUID();
    try (Connection c = AuditTestSupport.superuser();
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_lock(" + ChainSealer.LEADER_LOCK + ")");
      try {
        AuditTestSupport.recordDisclosures(log, youth, 2);
        assertEquals(0, sealedAbout(youth), "nothing sealed yet");
        assertDisclosuresListed(youth, 2);
      } finally {
        s.execute("SELECT pg_advisory_unlock(" + ChainSealer.LEADER_LOCK + ")");
      }
    }
    AuditTestSupport.sealEverything(sealer);
    assertEquals(2, sealedAbout(youth));
    assertDisclosuresListed(youth, 2);
  }

  private static void assertDisclosuresListed(UUID youth, int count) {
    given()
        .accept("application/json")
        .get("/api/v1/audit/accounting/" + youth)
        .then()
        .statusCode(200)
        .body("disclosures", hasSize(count));
  }

  private static long sealedAbout(UUID youth) throws Exception {
    try (Connection c = AuditTestSupport.superuser();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM audit_chain_link l JOIN audit_entry e USING (entry_seq)"
                    + " WHERE e.event_code = 'D100' AND e.subject_id = '"
                    + youth
                    + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void printableDocument_namesDateRecipientWhatPurposeAndBasis() {
    given()
        .accept("text/html")
        .get("/api/v1/audit/accounting/" + subject)
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("Accounting of disclosures"))
        .body(containsString("exam.findings (HEALTH)"))
        .body(containsString("45 CFR 164.512(b)(1)(ii)"))
        .body(containsString("34 CFR 99.30"))
        .body(containsString("INVESTIGATION"))
        .body(not(containsString("therapy.notes")));
  }

  @Test
  void producingAnAccounting_isItselfAudited() throws Exception {
    given()
        .accept("application/json")
        .get("/api/v1/audit/accounting/" + subject)
        .then()
        .statusCode(200);
    try (var c = AuditTestSupport.superuser();
        var ps =
            c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE subject_id = ? AND event_code = 'X110'")) {
      ps.setObject(1, subject);
      var rs = ps.executeQuery();
      rs.next();
      org.junit.jupiter.api.Assertions.assertEquals(1, rs.getLong(1));
    }
  }

  @Test
  void badPeriod_isABadRequest() {
    given()
        .accept("application/json")
        .queryParam("since", "last week")
        .get("/api/v1/audit/accounting/" + subject)
        .then()
        .statusCode(400);
  }

  @Test
  @TestSecurity(user = "b0000000-0000-4000-8000-000000000006", roles = "mdt-member")
  @OidcSecurity(
      claims = {
        @Claim(key = "sub", value = "b0000000-0000-4000-8000-000000000006"),
        @Claim(key = "agency_id", value = "a0000000-0000-4000-8000-000000000006")
      })
  void aMember_cannotReadAnAccounting() {
    given()
        .accept("application/json")
        .get("/api/v1/audit/accounting/" + subject)
        .then()
        .statusCode(403);
  }
}
