package org.casereview.review;

import static org.casereview.review.MeetingSupport.CHILD_WELFARE;
import static org.casereview.review.MeetingSupport.HOSPITAL;
import static org.casereview.review.MeetingSupport.count;
import static org.casereview.review.MeetingSupport.marker;
import static org.casereview.review.MeetingSupport.openCase;
import static org.casereview.testing.Api.as;
import static org.casereview.testing.Api.createReferral;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published statistics against the truth a DBA can count: small cells suppressed, a part
 * suppressed when its remainder is small, no totals, no identifiers, coordinator only.
 */
@QuarkusTest
class StatisticsTest {

  static final int YEAR = LocalDate.now(ZoneOffset.UTC).getYear();
  static final String MONTH =
      LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM"));

  static Response statistics() {
    return as("cora.coordinator").queryParam("year", YEAR).get("/api/v1/statistics");
  }

  static long truthReferrals(String sector) {
    return count(
        "select count(*) from referral r join agency a on a.id = r.source_agency_id"
            + " where a.sector = ? and to_char(r.received_at at time zone 'UTC', 'YYYY-MM') = ?",
        sector,
        MONTH);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> referralCell(Response stats, String sector) {
    List<Map<String, Object>> rows = stats.jsonPath().getList("referralsBySourceSectorAndMonth");
    return rows.stream()
        .filter(r -> sector.equals(r.get("sourceSector")) && MONTH.equals(r.get("month")))
        .map(r -> (Map<String, Object>) r.get("referrals"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cell for " + sector));
  }

  @Test
  void smallReferralCounts_areSuppressed_largeOnesShownExactly() {
    createReferral("owen.probation", marker("S"));
    createReferral("owen.probation", marker("S"));
    for (int i = 0; i < 11; i++) {
      createReferral("tara.tribal", marker("S"));
    }
    Response stats = statistics();
    stats.then().statusCode(200).body("minimumCellSize", equalTo(11));

    long probation = truthReferrals("JUVENILE_JUSTICE");
    Map<String, Object> probationCell = referralCell(stats, "JUVENILE_JUSTICE");
    if (probation < 11) {
      assertEquals(true, probationCell.get("suppressed"));
      assertNull(probationCell.get("count"), "a suppressed cell carries a number");
    } else {
      assertEquals(probation, ((Number) probationCell.get("count")).longValue());
    }
    long tribal = truthReferrals("TRIBAL_GOVERNMENT");
    assertTrue(tribal >= 11);
    assertEquals(
        tribal, ((Number) referralCell(stats, "TRIBAL_GOVERNMENT").get("count")).longValue());

    // Whatever else is in the database: every published cell is suppressed, zero, or at least 11.
    for (Map<String, Object> cell : cells(stats.jsonPath().getMap(""))) {
      if (Boolean.TRUE.equals(cell.get("suppressed"))) {
        assertNull(cell.get("count"));
      } else {
        long n = ((Number) cell.get("count")).longValue();
        assertTrue(n == 0 || n >= 11, "published small cell " + n);
      }
    }
    String body = stats.asString().toLowerCase();
    assertFalse(body.contains("total"), "totals let small cells be reconstructed");
    assertFalse(body.contains("a0000000-"), "an agency id in de-identified statistics");
  }

  @Test
  void completedServices_areSuppressedWhenIdentifiedMinusCompletedIsSmall() {
    String caseId = openCase(CHILD_WELFARE, List.of(HOSPITAL));
    List<String> needs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      needs.add(
          as("wes.caseworker")
              .body(Map.of("kind", "REPATRIATION"))
              .post("/api/v1/cases/{id}/care-plan/needs", caseId)
              .then()
              .statusCode(201)
              .extract()
              .path("id"));
    }
    for (String needId : needs.subList(0, 11)) {
      String id =
          as("wes.caseworker")
              .body(Map.of("needId", needId, "providerAgencyId", HOSPITAL))
              .post("/api/v1/cases/{id}/care-plan/service-referrals", caseId)
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      for (String status : List.of("ACCEPTED", "IN_SERVICE", "COMPLETED")) {
        as("nora.nurse")
            .body(Map.of("status", status))
            .post("/api/v1/service-referrals/{id}/status", id)
            .then()
            .statusCode(204);
      }
    }
    long identified = count("select count(*) from case_need where kind = ?", "REPATRIATION");
    long completed =
        count(
            "select count(*) from case_need n where n.kind = ? and exists (select 1 from"
                + " service_referral s where s.need_id = n.id and s.status = 'COMPLETED')",
            "REPATRIATION");
    assertEquals(1, identified - completed, "the scenario needs a remainder of one");

    List<Map<String, Object>> rows =
        statistics().jsonPath().getList("needsIdentifiedAndServicesCompleted");
    Map<String, Object> row =
        rows.stream()
            .filter(r -> "REPATRIATION".equals(r.get("needKind")))
            .findFirst()
            .orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Object> shownIdentified = (Map<String, Object>) row.get("identified");
    @SuppressWarnings("unchecked")
    Map<String, Object> shownCompleted = (Map<String, Object>) row.get("servicesCompleted");
    assertEquals(identified, ((Number) shownIdentified.get("count")).longValue());
    // 11 completed is not small, but 12 - 11 = 1 would be: so it is suppressed too.
    assertEquals(true, shownCompleted.get("suppressed"));
    assertNull(shownCompleted.get("count"));
  }

  @Test
  void statistics_areForTheCoordinatorOnly_andNeedAYear() {
    as("dana.detective").queryParam("year", YEAR).get("/api/v1/statistics").then().statusCode(403);
    as("aldo.auditor").queryParam("year", YEAR).get("/api/v1/statistics").then().statusCode(403);
    as("cora.coordinator")
        .get("/api/v1/statistics")
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"));
    long before = count("select count(*) from audit_entry where event_code = ?", "V500");
    statistics().then().statusCode(200);
    assertEquals(
        before + 1, count("select count(*) from audit_entry where event_code = ?", "V500"));
  }

  /** Every {count, suppressed} object anywhere in the answer. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> cells(Object node) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (node instanceof Map<?, ?> map) {
      if (map.containsKey("suppressed")) {
        out.add((Map<String, Object>) map);
      } else {
        map.values().forEach(v -> out.addAll(cells(v)));
      }
    } else if (node instanceof List<?> list) {
      list.forEach(v -> out.addAll(cells(v)));
    }
    return out;
  }
}
