package org.casereview.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.casereview.audit.AuditEventType;
import org.casereview.casefile.CaseOutcome;
import org.casereview.disclosure.AuditTrail;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * De-identified evaluation statistics for funders and the task force, by calendar year (UTC):
 * fixed, disjoint periods, so that two requests cannot be subtracted to isolate a few cases. No
 * subject, case or agency id leaves; every count passes {@link SmallCells}; there are no totals.
 */
@ApplicationScoped
public class StatisticsService {

  @Inject EntityManager em;
  @Inject AuditTrail auditTrail;

  /** How long a case waited from its first referral to the first meeting that reviewed it. */
  public enum ReviewDelay {
    WITHIN_7_DAYS,
    DAYS_8_TO_30,
    DAYS_31_TO_90,
    OVER_90_DAYS,
    NOT_YET_REVIEWED
  }

  @Schema(name = "ReferralsBySectorAndMonth")
  public record SectorMonth(String sourceSector, String month, SmallCells.Cell referrals) {}

  @Schema(name = "ReviewDelayCell")
  public record Delay(ReviewDelay delay, SmallCells.Cell cases) {}

  @Schema(name = "NeedsAndServices")
  public record NeedRow(
      String needKind, SmallCells.Cell identified, SmallCells.Cell servicesCompleted) {}

  @Schema(name = "CaseOutcomeCell")
  public record OutcomeRow(CaseOutcome outcome, SmallCells.Cell cases) {}

  @Schema(name = "EvaluationStatistics")
  public record Statistics(
      int year,
      int minimumCellSize,
      List<SectorMonth> referralsBySourceSectorAndMonth,
      List<Delay> timeFromReferralToFirstReview,
      List<NeedRow> needsIdentifiedAndServicesCompleted,
      List<OutcomeRow> caseOutcomes) {}

  @Transactional
  public Statistics produce(int year) {
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Statistics statistics =
        new Statistics(
            year,
            SmallCells.MINIMUM,
            referrals(from, to),
            delays(from, to),
            needs(from, to),
            outcomes(from, to));
    auditTrail.change(
        AuditEventType.STATISTICS_PRODUCED, null, null, null, Map.of("year", String.valueOf(year)));
    return statistics;
  }

  private List<SectorMonth> referrals(Instant from, Instant to) {
    List<Object[]> rows =
        rows(
            "select a.sector, to_char(r.received_at at time zone 'UTC', 'YYYY-MM'), count(*)"
                + " from referral r join agency a on a.id = r.source_agency_id"
                + " where r.received_at >= :from and r.received_at < :to"
                + " group by 1, 2 order by 2, 1",
            from,
            to);
    List<SectorMonth> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new SectorMonth(
              (String) r[0], (String) r[1], SmallCells.cell(((Number) r[2]).longValue())));
    }
    return out;
  }

  private List<Delay> delays(Instant from, Instant to) {
    List<Object[]> rows =
        rows(
            "select coalesce((select min(r.received_at) from referral r where r.case_id = c.id),"
                + " c.opened_at),"
                + " (select min(m.started_at) from agenda_item ai"
                + "   join review_meeting m on m.id = ai.meeting_id"
                + "   where ai.case_id = c.id and m.started_at is not null)"
                + " from case_file c where c.opened_at >= :from and c.opened_at < :to",
            from,
            to);
    Map<ReviewDelay, Long> counts = new EnumMap<>(ReviewDelay.class);
    for (ReviewDelay d : ReviewDelay.values()) {
      counts.put(d, 0L);
    }
    for (Object[] r : rows) {
      counts.merge(delay(instant(r[0]), r[1] == null ? null : instant(r[1])), 1L, Long::sum);
    }
    List<Delay> out = new ArrayList<>();
    counts.forEach((d, n) -> out.add(new Delay(d, SmallCells.cell(n))));
    return out;
  }

  static ReviewDelay delay(Instant referred, Instant reviewed) {
    if (reviewed == null) {
      return ReviewDelay.NOT_YET_REVIEWED;
    }
    long days = Duration.between(referred, reviewed).toDays();
    if (days <= 7) {
      return ReviewDelay.WITHIN_7_DAYS;
    }
    if (days <= 30) {
      return ReviewDelay.DAYS_8_TO_30;
    }
    return days <= 90 ? ReviewDelay.DAYS_31_TO_90 : ReviewDelay.OVER_90_DAYS;
  }

  private List<NeedRow> needs(Instant from, Instant to) {
    List<Object[]> rows =
        rows(
            "select n.kind, count(*), count(*) filter (where exists (select 1 from"
                + " service_referral s where s.need_id = n.id and s.status = 'COMPLETED'))"
                + " from case_need n where n.identified_at >= :from and n.identified_at < :to"
                + " group by n.kind order by n.kind",
            from,
            to);
    List<NeedRow> out = new ArrayList<>();
    for (Object[] r : rows) {
      long identified = ((Number) r[1]).longValue();
      long completed = ((Number) r[2]).longValue();
      out.add(
          new NeedRow(
              (String) r[0], SmallCells.cell(identified), SmallCells.part(completed, identified)));
    }
    return out;
  }

  private List<OutcomeRow> outcomes(Instant from, Instant to) {
    List<Object[]> rows =
        rows(
            "select outcome, count(*) from case_file where closed_at >= :from and closed_at < :to"
                + " and outcome is not null group by outcome",
            from,
            to);
    Map<CaseOutcome, Long> counts = new EnumMap<>(CaseOutcome.class);
    for (CaseOutcome o : CaseOutcome.values()) {
      counts.put(o, 0L);
    }
    for (Object[] r : rows) {
      counts.put(CaseOutcome.valueOf((String) r[0]), ((Number) r[1]).longValue());
    }
    List<OutcomeRow> out = new ArrayList<>();
    counts.forEach((o, n) -> out.add(new OutcomeRow(o, SmallCells.cell(n))));
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, Instant from, Instant to) {
    return em.createNativeQuery(sql)
        .setParameter("from", Timestamp.from(from))
        .setParameter("to", Timestamp.from(to))
        .getResultList();
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type");
  }
}
