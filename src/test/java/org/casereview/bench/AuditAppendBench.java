package org.casereview.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.casereview.audit.AuditEntryWriter;
import org.casereview.audit.AuditEvent;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * 32 concurrent writers append audit entries through AuditEntryWriter (the service's own SQL and
 * JDBC path), each in its own autocommitted transaction, while the sealer runs every 100 ms as in
 * the service, with a second connection to read large batches on as the service's Sealer has; the
 * baseline, in the same run, is plain single-row INSERTs of the same values into an unconstrained
 * table. The sealing lag (oldest unsealed entry) is sampled every 100 ms; the worst of each
 * iteration is printed with it, and at the end the worst of the measured iterations (the target's
 * figure: the steady state, as for the throughput) and of the whole trial, warm-up included.
 *
 * <p>{@link #interleaved} is the figure of record: the two sides take turns, one iteration each, in
 * one JVM and one database, so that both see the same machine. On this shared virtual machine the
 * plain side alone moved by a third from one run to the next, more than the difference being
 * measured; taking turns cancels that. The turns go audit, plain, plain, audit (and again), not
 * audit, plain: the rates of both sides still climb for minutes into a run, and in strict
 * alternation the plain turns, each half a turn later on average, gain from that climb. In blocks
 * of four the two sides' turns have the same mean time, so a steady drift cancels (warm-up and
 * measured iterations must each be a multiple of four). Its JMH score mixes both sides and is not
 * read: the teardown prints each side's rate per turn, the ratio of each block of four and the
 * ratio over the measured turns. {@link #auditAppend} and {@link #plainInsert} run one side alone
 * (for profiling).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 10)
@Measurement(iterations = 8, time = 10)
@Threads(32)
@State(Scope.Benchmark)
public class AuditAppendBench {

  AuditBenchDatabase db;
  BenchSealer sealer;
  long measuredMaxLagMillis;
  IterationType iteration;
  final AuditEvent event = AuditBenchDatabase.typicalDisclosure();
  final AuditEntryWriter writer = new AuditEntryWriter();

  @State(Scope.Thread)
  public static class Session {
    Connection connection;
    PreparedStatement plain;

    @Setup(Level.Trial)
    public void open(AuditAppendBench bench) throws SQLException {
      connection = bench.db.app();
      plain = connection.prepareStatement(AuditBenchDatabase.PLAIN_INSERT);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      connection.close();
    }
  }

  @Setup(Level.Trial)
  public void start() throws Exception {
    db = new AuditBenchDatabase();
    db.createPlainTable();
    sealer = new BenchSealer(db);
  }

  // Turns of the interleaved benchmark, in the order of Turns (audit, plain, plain, audit). Each
  // turn's operations and time, as this class counts them, and each block's sums.
  boolean interleaving;
  int iterationIndex;
  volatile boolean auditTurn;
  final LongAdder turnOps = new LongAdder();
  long turnStartNanos;
  long measuredAuditOps;
  long measuredAuditNanos;
  long measuredPlainOps;
  long measuredPlainNanos;
  long blockAuditOps;
  long blockAuditNanos;
  long blockPlainOps;
  long blockPlainNanos;
  final StringBuilder blocks = new StringBuilder();

  @Setup(Level.Iteration)
  public void iterationStart(BenchmarkParams benchmark, IterationParams params) {
    iteration = params.getType();
    sealer.takeWindowMaxLagMillis();
    interleaving = benchmark.getBenchmark().endsWith(".interleaved");
    auditTurn = Turns.kind(iterationIndex, 2) == 0;
    turnOps.reset();
    turnStartNanos = System.nanoTime();
  }

  /** The lag of each iteration, and the worst of the measured ones (not the warm-up's). */
  @TearDown(Level.Iteration)
  public void iterationEnd() {
    long nanos = System.nanoTime() - turnStartNanos;
    long lag = sealer.takeWindowMaxLagMillis();
    boolean measured = iteration == IterationType.MEASUREMENT;
    if (measured) {
      measuredMaxLagMillis = Math.max(measuredMaxLagMillis, lag);
    }
    if (interleaving) {
      long ops = turnOps.sum();
      double rate = ops * 1e9 / nanos;
      System.out.printf("[%s turn %,.0f/s] ", auditTurn ? "audit" : "plain", rate);
      if (measured) {
        if (auditTurn) {
          measuredAuditOps += ops;
          measuredAuditNanos += nanos;
          blockAuditOps += ops;
          blockAuditNanos += nanos;
        } else {
          measuredPlainOps += ops;
          measuredPlainNanos += nanos;
          blockPlainOps += ops;
          blockPlainNanos += nanos;
        }
        if (Turns.endsBlock(iterationIndex, 2) && blockAuditNanos > 0 && blockPlainNanos > 0) {
          double blockRatio =
              (blockAuditOps / (double) blockAuditNanos)
                  / (blockPlainOps / (double) blockPlainNanos);
          blocks.append(String.format(" %.2f", blockRatio));
          blockAuditOps = blockAuditNanos = blockPlainOps = blockPlainNanos = 0;
        }
      }
    }
    System.out.printf("[max sealing lag %d ms] ", lag);
    iterationIndex++;
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    sealer.close();
    System.out.printf(
        "%n[audit-bench] max sealing lag %d ms in the measured iterations (%d ms over the whole"
            + " trial, warm-up included), %s%n",
        measuredMaxLagMillis, sealer.maxLagMillis(), sealer.summary());
    if (interleaving && measuredAuditNanos > 0 && measuredPlainNanos > 0) {
      double audit = measuredAuditOps * 1e9 / measuredAuditNanos;
      double plain = measuredPlainOps * 1e9 / measuredPlainNanos;
      System.out.printf(
          "[audit-bench] interleaved, measured turns: audit %,.0f entries/s, plain %,.0f rows/s,"
              + " ratio %.2f (each block of four turns:%s)%n",
          audit, plain, audit / plain, blocks);
    }
    db.close();
  }

  /** The two sides in turns, an iteration each (see the class comment); read the printed rates. */
  @Benchmark
  public void interleaved(Session s) throws SQLException {
    if (auditTurn) {
      writer.append(s.connection, event);
    } else {
      AuditBenchDatabase.plainInsert(s.plain, event);
    }
    turnOps.increment();
  }

  @Benchmark
  public void auditAppend(Session s) throws SQLException {
    writer.append(s.connection, event);
  }

  @Benchmark
  public void plainInsert(Session s) throws SQLException {
    AuditBenchDatabase.plainInsert(s.plain, event);
  }
}
