package org.casereview.disclosure;

import static org.casereview.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.casereview.testing.PostgresResource;
import org.casereview.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Under concurrency, every response that carried case data (or refused it) has exactly one audit
 * entry, found by the response's request id: no disclosure and no refusal goes unrecorded.
 */
@QuarkusTest
class EveryResponseAuditedTest {

  static final List<String> READERS =
      List.of(
          "sam.counselor",
          "nora.nurse",
          "dana.detective",
          "wes.caseworker",
          "ava.advocate",
          "theo.therapist");

  @Test
  void concurrentReadsAndRefusals_eachHaveExactlyOneAuditEntry() throws Exception {
    Scenario s = Scenario.withAllAgencies();
    String exam = s.addRecord("nora.nurse", "MEDICAL_EXAM", Map.of("findings", "F " + s.marker));
    String part2 =
        s.addRecord(
            "theo.therapist", "SUBSTANCE_USE_TREATMENT", Map.of("programStatus", "P " + s.marker));
    List<String> paths =
        List.of(
            "/api/v1/cases/" + s.caseId,
            "/api/v1/cases/" + s.caseId + "/records/" + exam,
            "/api/v1/cases/" + s.caseId + "/records/" + part2);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Response>> calls = new ArrayList<>();
    try {
      for (int round = 0; round < 5; round++) {
        for (String reader : READERS) {
          for (String path : paths) {
            calls.add(pool.submit(() -> as(reader, "CASE_REVIEW").get(path)));
          }
        }
      }
      int disclosed = 0;
      int refused = 0;
      for (Future<Response> call : calls) {
        Response response = call.get();
        int status = response.statusCode();
        assertTrue(status == 200 || status == 404, "status " + status);
        long entries = entriesFor(response.header("X-Request-Id"));
        assertEquals(1, entries, "audit entries for one response (" + status + ")");
        if (status == 200) {
          disclosed++;
        } else {
          refused++;
        }
      }
      assertEquals(READERS.size() * paths.size() * 5, disclosed + refused);
      assertTrue(refused > 0, "some reads were refused (the Part 2 record)");
    } finally {
      pool.shutdownNow();
    }
  }

  private static long entriesFor(String requestId) throws Exception {
    try (Connection c = PostgresResource.database().superuserConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE request_id = ? AND event_code IN ('D100', 'R100')")) {
      q.setString(1, requestId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
