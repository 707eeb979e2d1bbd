package org.casereview;

import static org.casereview.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casereview.testing.Api;
import org.casereview.testing.DumpScanner;
import org.casereview.testing.Scenario;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last. Every test writes confidential values carrying the prefix CONFIDENTIAL-MARKER (or
 * SECRET-ECHO for bad input); none may appear in the service's log, nor in clear anywhere in a dump
 * of the database. This class also sends a marker through every endpoint itself.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class ConfidentialityScanTest {

  static final List<String> PREFIXES = List.of("CONFIDENTIAL-MARKER", "SECRET-ECHO");

  @Test
  void markerThroughEveryEndpoint_neverReachesTheLog_norTheDatabaseInClear() throws Exception {
    String marker = "CONFIDENTIAL-MARKER-" + UUID.randomUUID();
    Scenario s = Scenario.withAllAgencies();
    String id = Api.createReferral("dana.detective", marker);
    as("cora.coordinator")
        .body(Map.of("urgency", "ROUTINE", "note", marker))
        .post("/api/v1/referrals/{id}/triage", id);
    as("cora.coordinator")
        .body(Map.of("reason", marker))
        .post("/api/v1/referrals/{id}/decline", id);
    as("sam.counselor")
        .body(Map.of("reason", marker))
        .post("/api/v1/referrals/{id}/withdraw", Api.createReferral("sam.counselor", marker));
    s.addRecord("nora.nurse", "MEDICAL_EXAM", Map.of("findings", marker));
    as("wes.caseworker")
        .body(
            Map.of(
                "type",
                "FREE_FORM",
                "fields",
                List.of(Map.of("name", "note", "category", "CHILD_WELFARE", "value", marker))))
        .post("/api/v1/cases/{c}/records", s.caseId);
    as("dana.detective")
        .body(Map.of("justification", "Emergency " + marker))
        .post("/api/v1/cases/{c}/break-glass", s.caseId);
    as("cora.coordinator")
        .body(Map.of("outcome", "OTHER", "note", marker))
        .post("/api/v1/cases/{c}/close", s.caseId);
    as("cora.coordinator", "CASE_REVIEW").get("/api/v1/referrals/{id}", id).then().statusCode(200);
    as("cora.coordinator", "CASE_REVIEW").get("/api/v1/cases/{c}", s.caseId).then().statusCode(200);
    as("cora.coordinator", "CASE_REVIEW")
        .queryParam("limit", 100)
        .get("/api/v1/referrals")
        .then()
        .statusCode(200);
    // Bad input echoing the marker, through a path and a header.
    as("cora.coordinator", "CASE_REVIEW").get("/api/v1/referrals/" + marker).then().statusCode(400);
    as("cora.coordinator", marker).get("/api/v1/cases").then().statusCode(400);

    String log = Files.readString(Path.of("target/test-service.log"));
    assertTrue(log.length() > 0, "the service wrote its log");
    for (String prefix : PREFIXES) {
      long leaks = log.lines().filter(l -> l.contains(prefix)).count();
      assertEquals(0, leaks, "log lines containing " + prefix);
    }
    // Every marker any test wrote shares the prefix: none may be in the database in clear.
    List<String> found =
        DumpScanner.markersFound(
            DumpScanner.dump(), List.of(marker, s.marker, "CONFIDENTIAL-MARKER"));
    assertEquals(List.of(), found, "markers found in clear in a dump of the database");
  }
}
