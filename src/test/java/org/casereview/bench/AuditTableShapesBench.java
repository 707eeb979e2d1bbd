package org.casereview.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.casereview.audit.AuditEntryWriter;
import org.casereview.audit.AuditEvent;
import org.casereview.audit.chain.ChainHasher;
import org.casereview.audit.chain.LogEntry;
import org.casereview.testing.EmbeddedDatabase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Where the writer's side of the append gap lies: the audit INSERT (AuditEntryWriter's SQL, digest
 * and binding) into copies of {@code audit_entry}'s columns with one thing added at a time
 * (partitioning, the BRIN time index, the B-tree on entry_seq, the append-only triggers), against
 * the plain INSERT of {@link AuditAppendBench}, all in one JVM and one database, 32 writers, no
 * sealer. The last shape is {@code audit_entry} itself as migrated.
 *
 * <p>Each iteration is one shape's turn, in the order of {@link Turns} (forward, then backward), so
 * that the rates' climb through a run favours no shape. Warm-up and measured iterations must each
 * be a multiple of 16 (eight kinds: six shapes, audit_entry, plain). The teardown prints each
 * shape's rate over its measured turns and its ratio to the plain INSERT's; the JMH score mixes the
 * shapes and is not read. Not a target of issue 5 by itself: it explains {@link
 * AuditAppendBench#interleaved}'s figure.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 16, time = 4)
@Measurement(iterations = 32, time = 8)
@Threads(32)
@State(Scope.Benchmark)
public class AuditTableShapesBench {

  /** Name, partitioned or not, and the DDL added to the copy ({@code %s}: the table). */
  private record Shape(String name, boolean partitioned, String... ddl) {}

  private static final String BTREE = "CREATE INDEX ON %s (entry_seq)";
  private static final String BRIN = "CREATE INDEX ON %s USING brin (recorded_at)";
  private static final String STATEMENT_TRIGGER =
      "CREATE TRIGGER no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON %s"
          + " FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()";
  private static final String ROW_TRIGGER =
      "CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON %s"
          + " FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()";

  private static final List<Shape> SHAPES =
      List.of(
          new Shape("flat, no index", false),
          new Shape("partitioned, no index", true),
          new Shape("partitioned, BRIN time", true, BRIN),
          new Shape("partitioned, B-tree entry_seq", true, BTREE),
          new Shape("partitioned, both indexes", true, BTREE, BRIN),
          new Shape(
              "partitioned, both, triggers", true, BTREE, BRIN, STATEMENT_TRIGGER, ROW_TRIGGER));

  /** A kind of turn: its INSERT and what its measured turns did. */
  private static final class Kind {
    final String name;
    final String sql;
    long measuredOps;
    long measuredNanos;

    Kind(String name, String sql) {
      this.name = name;
      this.sql = sql;
    }
  }

  /** The shapes, then audit_entry itself, then the plain INSERT: the turns' order. */
  private final List<Kind> kinds = new ArrayList<>();

  private Kind asMigrated;
  private Kind plain;

  AuditBenchDatabase db;
  final AuditEvent event = AuditBenchDatabase.typicalDisclosure();
  final AuditEntryWriter writer = new AuditEntryWriter();
  private static final ThreadLocal<ChainHasher> HASHER = ThreadLocal.withInitial(ChainHasher::new);

  volatile Kind turn;
  int iterationIndex;
  IterationType iteration;
  final LongAdder turnOps = new LongAdder();
  long turnStartNanos;

  @State(Scope.Thread)
  public static class Session {
    Connection connection;

    @Setup(Level.Trial)
    public void open(AuditTableShapesBench bench) throws SQLException {
      connection = bench.db.app();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      connection.close();
    }
  }

  @Setup(Level.Trial)
  public void start() throws SQLException {
    db = new AuditBenchDatabase();
    db.createPlainTable();
    try (Connection c = db.db.superuserConnection();
        Statement s = c.createStatement()) {
      int i = 0;
      for (Shape shape : SHAPES) {
        String table = "shape_" + i++;
        if (shape.partitioned()) {
          s.execute(
              "CREATE TABLE "
                  + table
                  + " (LIKE audit_entry INCLUDING DEFAULTS) PARTITION BY RANGE (recorded_at)");
          s.execute(
              "CREATE TABLE "
                  + table
                  + "_now PARTITION OF "
                  + table
                  + " FOR VALUES FROM (now() - interval '1 day') TO (now() + interval '30 days')");
          s.execute("CREATE TABLE " + table + "_default PARTITION OF " + table + " DEFAULT");
        } else {
          s.execute("CREATE TABLE " + table + " (LIKE audit_entry INCLUDING DEFAULTS)");
        }
        for (String ddl : shape.ddl()) {
          s.execute(ddl.replace("%s", table));
          if (shape.partitioned() && ddl.equals(STATEMENT_TRIGGER)) {
            s.execute(ddl.replace("%s", table + "_now")); // as audit_ensure_partitions does
          }
        }
        s.execute("GRANT INSERT, SELECT ON " + table + " TO " + EmbeddedDatabase.APP_ROLE);
        add(shape.name(), AuditEntryWriter.insertSql().replace("audit_entry ", table + " "));
      }
    }
    asMigrated = add("audit_entry as migrated", AuditEntryWriter.insertSql());
    plain = add("plain INSERT (baseline)", AuditBenchDatabase.PLAIN_INSERT);
  }

  private Kind add(String name, String sql) {
    Kind kind = new Kind(name, sql);
    kinds.add(kind);
    return kind;
  }

  @Setup(Level.Iteration)
  public void iterationStart(IterationParams params) {
    iteration = params.getType();
    turn = kinds.get(Turns.kind(iterationIndex, kinds.size()));
    turnOps.reset();
    turnStartNanos = System.nanoTime();
  }

  @TearDown(Level.Iteration)
  public void iterationEnd() {
    long nanos = System.nanoTime() - turnStartNanos;
    long ops = turnOps.sum();
    System.out.printf("[%s: %,.0f/s] ", turn.name, ops * 1e9 / nanos);
    if (iteration == IterationType.MEASUREMENT) {
      turn.measuredOps += ops;
      turn.measuredNanos += nanos;
    }
    iterationIndex++;
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    double plainRate = rate(plain);
    System.out.println();
    for (Kind kind : kinds) {
      System.out.printf(
          "[shapes-bench] %-32s %,8.0f entries/s, ratio to plain %.2f%n",
          kind.name, rate(kind), rate(kind) / plainRate);
    }
    db.close();
  }

  private static double rate(Kind kind) {
    return kind.measuredNanos == 0 ? Double.NaN : kind.measuredOps * 1e9 / kind.measuredNanos;
  }

  /**
   * One append in the current turn's shape. audit_entry's own turn goes through {@link
   * AuditEntryWriter#append} itself; the copies run its statement under another table name, with
   * its digest and binding; the plain INSERT binds the same values and computes no digest.
   */
  @Benchmark
  public void turns(Session s) throws SQLException {
    Kind kind = turn;
    if (kind == asMigrated) {
      writer.append(s.connection, event);
    } else {
      LogEntry content = AuditEntryWriter.content(UUID.randomUUID(), event);
      byte[] digest =
          kind == plain ? AuditBenchDatabase.NO_DIGEST : HASHER.get().contentDigest(content);
      try (PreparedStatement ps = s.connection.prepareStatement(kind.sql)) {
        AuditEntryWriter.bind(ps, content, digest);
        ps.executeUpdate();
      }
    }
    turnOps.increment();
  }
}
