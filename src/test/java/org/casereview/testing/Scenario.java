package org.casereview.testing;

import static org.casereview.testing.Api.as;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A youth's case with several agencies, built through the API as a coordinator would. */
public final class Scenario {

  public static final String CAC = "a0000000-0000-4000-8000-000000000001";
  public static final String POLICE = "a0000000-0000-4000-8000-000000000002";
  public static final String PROSECUTION = "a0000000-0000-4000-8000-000000000003";
  public static final String CHILD_WELFARE = "a0000000-0000-4000-8000-000000000004";
  public static final String HOSPITAL = "a0000000-0000-4000-8000-000000000005";
  public static final String SCHOOL = "a0000000-0000-4000-8000-000000000006";
  public static final String ADVOCATES = "a0000000-0000-4000-8000-000000000007";
  public static final String PROBATION = "a0000000-0000-4000-8000-000000000008";
  public static final String RECOVERY = "a0000000-0000-4000-8000-000000000009";

  public final String marker;
  public final String referralId;
  public final String subjectId;
  public final String caseId;

  private Scenario(String marker, String referralId, String subjectId, String caseId) {
    this.marker = marker;
    this.referralId = referralId;
    this.subjectId = subjectId;
    this.caseId = caseId;
  }

  /**
   * A school referral, opened as a case led by child welfare with every demo sector taking part.
   */
  public static Scenario withAllAgencies() {
    String marker = "CONFIDENTIAL-MARKER-" + UUID.randomUUID();
    var receipt =
        as("sam.counselor")
            .body(Api.referral(marker))
            .post("/api/v1/referrals")
            .then()
            .statusCode(201)
            .extract();
    String referralId = receipt.path("id");
    String subjectId = receipt.path("subjectId");
    String caseId =
        as("cora.coordinator")
            .body(
                Map.of(
                    "leadAgencyId",
                    CHILD_WELFARE,
                    "participatingAgencyIds",
                    List.of(POLICE, PROSECUTION, HOSPITAL, SCHOOL, ADVOCATES, PROBATION, RECOVERY)))
            .post("/api/v1/referrals/{id}/case", referralId)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return new Scenario(marker, referralId, subjectId, caseId);
  }

  /** Adds a record as a member; returns its id. */
  public String addRecord(String username, String type, Map<String, String> values) {
    return as(username)
        .body(Map.of("type", type, "values", values))
        .post("/api/v1/cases/{id}/records", caseId)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A written consent body, signed by a parent, valid from an hour ago for 90 days. */
  public static Map<String, Object> consent(
      List<String> categories, List<String> recipientAgencyIds, List<String> purposes) {
    Map<String, Object> body = new HashMap<>();
    body.put("categories", categories);
    body.put("recipientAgencyIds", recipientAgencyIds);
    body.put("purposes", purposes);
    body.put("validFrom", Instant.now().minus(1, ChronoUnit.HOURS).toString());
    body.put("validUntil", Instant.now().plus(90, ChronoUnit.DAYS).toString());
    body.put("form", "WRITTEN");
    body.put("grantors", List.of(Map.of("kind", "PARENT_OR_GUARDIAN", "suspectedAbuser", false)));
    body.put("namesPsychotherapyNotes", false);
    body.put("documentSha256", "a".repeat(64));
    body.put("termsVersion", "mdt-consent-2026.1");
    return body;
  }

  public String recordConsent(Map<String, Object> body) {
    return as("cora.coordinator")
        .body(body)
        .post("/api/v1/subjects/{id}/consents", subjectId)
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
