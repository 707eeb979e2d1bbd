package org.casereview.audit.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.casereview.audit.AuditEntryWriter;
import org.casereview.audit.AuditTestSupport;
import org.casereview.audit.JdkEd25519;
import org.casereview.audit.chain.ChainHasher;
import org.casereview.audit.chain.ChainSealer;
import org.casereview.audit.chain.LogEntry;
import org.casereview.testing.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An export filtered on time alone walks only the chain positions that can hold the range
 * (AuditExporter.positionsFor; audit_entry has no time index since V5_6), and still finds an entry
 * whose time runs behind the chain order, within ChainSealer.CLOCK_SLACK. Entries 30 minutes apart
 * over ten hours, stamped explicitly (the writer's INSERT with a time added); entry 12 is stamped
 * 48 minutes behind entry 11, as a writer held up between drawing its number and its time would be.
 */
class TimeRangeExportTest {

  private static EmbeddedDatabase db;
  private static final Instant T0 = Instant.now().minus(12, ChronoUnit.HOURS);
  private static final int ENTRIES = 21;

  /** Entry i (1-based, also its chain position) is stamped T0 + 30 min * (i - 1), but entry 12. */
  private static Instant time(int i) {
    return i == 12 ? T0.plus(Duration.ofMinutes(252)) : T0.plus(Duration.ofMinutes(30L * (i - 1)));
  }

  private static Instant at(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  @BeforeAll
  static void chain() throws Exception {
    db = EmbeddedDatabase.startEphemeral().migrate();
    String stamped =
        AuditEntryWriter.insertSql()
            .replace("entry_digest)", "entry_digest, recorded_at)")
            .replaceFirst("\\?\\)$", "?, ?)");
    ChainHasher hasher = new ChainHasher();
    try (Connection c = db.appConnection();
        PreparedStatement ps = c.prepareStatement(stamped)) {
      for (int i = 1; i <= ENTRIES; i++) {
        LogEntry content =
            AuditEntryWriter.content(
                UUID.randomUUID(), AuditTestSupport.disclosure(UUID.randomUUID()));
        AuditEntryWriter.bind(ps, content, hasher.contentDigest(content));
        ps.setObject(18, OffsetDateTime.ofInstant(time(i), ZoneOffset.UTC));
        assertEquals(1, ps.executeUpdate());
      }
      ChainSealer sealer =
          new ChainSealer(
              JdkEd25519.newSigner(), 100, Duration.ofSeconds(10), Duration.ofMillis(200));
      ChainSealer.Result r = sealer.sealOnce(c, true);
      assertEquals(ENTRIES, r.sealed());
    }
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @Test
  void timeBounds_narrowTheWalk_byTheSlackOnEitherSide() throws Exception {
    try (Connection c = db.appConnection()) {
      // [4 h, 6 h): entries 9 to 13 lie in it by time. The walk starts after the last entry more
      // than the slack (1 h) before 4 h (entry 6, at 2.5 h), and stops before the first at least
      // the slack after 6 h (entry 15, at 7 h).
      assertArrayEquals(
          new long[] {7, 14}, AuditExporter.positionsFor(c, at(240), at(360), ENTRIES));
      assertArrayEquals(
          new long[] {1, ENTRIES}, AuditExporter.positionsFor(c, null, null, ENTRIES));
      assertArrayEquals(new long[] {1, 4}, AuditExporter.positionsFor(c, null, at(60), ENTRIES));
      assertArrayEquals(
          new long[] {19, ENTRIES}, AuditExporter.positionsFor(c, at(600), null, ENTRIES));
      // Instants no timestamp can hold bound nothing, and overflow nothing.
      assertArrayEquals(
          new long[] {1, ENTRIES},
          AuditExporter.positionsFor(c, Instant.MIN, Instant.MAX, ENTRIES));
    }
  }

  @Test
  void timeOnlyExport_findsAnEntryStampedBehindTheChainOrder() throws Exception {
    // [3 h 54 min, 4 h 24 min): entry 9 (4 h) and entry 12 (4 h 12 min), which sits after entry 11
    // (5 h) in the chain. A bound with no slack would stop at entry 10 and lose entry 12.
    ExportFilter filter =
        new ExportFilter(at(234), at(264), null, null, null, null, null, false, false);
    try (Connection c = db.appConnection()) {
      ExportManifest.Checkpoint checkpoint = AuditExporter.latestCheckpoint(c);
      AuditExporter.Written written =
          new AuditExporter()
              .export(
                  c, filter, ExportFormat.NDJSON, checkpoint, new ByteArrayOutputStream(), p -> {});
      assertEquals(2, written.count());
      assertEquals(9L, written.firstPosition());
      assertEquals(12L, written.lastPosition());
    }
  }

  @Test
  void timeOnlyExport_outsideTheChain_isEmpty() throws Exception {
    ExportFilter filter =
        new ExportFilter(at(-600), at(-300), null, null, null, null, null, false, false);
    try (Connection c = db.appConnection()) {
      AuditExporter.Written written =
          new AuditExporter()
              .export(
                  c,
                  filter,
                  ExportFormat.NDJSON,
                  AuditExporter.latestCheckpoint(c),
                  new ByteArrayOutputStream(),
                  p -> {});
      assertEquals(0, written.count());
    }
  }
}
