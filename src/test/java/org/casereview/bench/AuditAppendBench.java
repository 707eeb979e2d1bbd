package org.casereview.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.casereview.audit.AuditEntryWriter;
import org.casereview.audit.AuditEvent;
import org.casereview.audit.JdkEd25519;
import org.casereview.audit.chain.ChainSealer;
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
 * 32 concurrent writers append audit entries through AuditEntryWriter (the service's own SQL and
 * JDBC path), each in its own autocommitted transaction, while the sealer runs every 200 ms as in
 * the service, with a second connection to read large batches on as the service's Sealer has; the
 * baseline, in the same run, is plain single-row INSERTs of the same values into an unconstrained
 * table. The sealing lag (oldest unsealed entry) is sampled every 100 ms; the worst of each
 * iteration is printed with it, and at the end the worst of the measured iterations (the target's
 * figure: the steady state, as for the throughput) and of the whole trial, warm-up included.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 3, time = 10)
@Threads(32)
@State(Scope.Benchmark)
public class AuditAppendBench {

  AuditBenchDatabase db;
  ScheduledExecutorService background;
  final AtomicLong maxLagMillis = new AtomicLong();
  final AtomicLong iterationMaxLagMillis = new AtomicLong();
  final AtomicLong measuredMaxLagMillis = new AtomicLong();
  IterationType iteration;
  final AtomicLong sealed = new AtomicLong();
  final AtomicLong busy = new AtomicLong();
  final AtomicLong rounds = new AtomicLong();
  final AtomicLong sealNanos = new AtomicLong();
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
    ChainSealer sealer =
        new ChainSealer(
            JdkEd25519.newSigner(), 5000, Duration.ofSeconds(10), Duration.ofMillis(200));
    Connection sealerConnection = db.app();
    Connection sealerReader = db.app();
    Connection lagConnection = db.app();
    background = Executors.newScheduledThreadPool(2);
    background.scheduleWithFixedDelay(
        () -> {
          try {
            ChainSealer.Result r;
            do {
              long t0 = System.nanoTime();
              r = sealer.sealOnce(sealerConnection, sealerReader, false);
              sealNanos.addAndGet(System.nanoTime() - t0);
              rounds.incrementAndGet();
              sealed.addAndGet(r.sealed());
              if (!r.caughtUp()) {
                busy.incrementAndGet();
              }
            } while (r.sealed() > 0 && !r.caughtUp());
          } catch (SQLException e) {
            System.err.println("sealer: " + e.getSQLState());
          }
        },
        200,
        200,
        TimeUnit.MILLISECONDS);
    background.scheduleWithFixedDelay(
        () -> {
          try {
            long lag = ChainSealer.sealingLagMillis(lagConnection);
            maxLagMillis.accumulateAndGet(lag, Math::max);
            iterationMaxLagMillis.accumulateAndGet(lag, Math::max);
          } catch (SQLException e) {
            System.err.println("lag: " + e.getSQLState());
          }
        },
        100,
        100,
        TimeUnit.MILLISECONDS);
  }

  @Setup(Level.Iteration)
  public void iterationStart(IterationParams params) {
    iteration = params.getType();
    iterationMaxLagMillis.set(0);
  }

  /** The lag of each iteration, and the worst of the measured ones (not the warm-up's). */
  @TearDown(Level.Iteration)
  public void iterationEnd() {
    long lag = iterationMaxLagMillis.get();
    if (iteration == IterationType.MEASUREMENT) {
      measuredMaxLagMillis.accumulateAndGet(lag, Math::max);
    }
    System.out.printf("[max sealing lag %d ms] ", lag);
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    background.shutdown();
    background.awaitTermination(5, TimeUnit.SECONDS);
    System.out.printf(
        "%n[audit-bench] max sealing lag %d ms in the measured iterations (%d ms over the whole"
            + " trial, warm-up included), entries sealed %d in %d sealer transactions"
            + " (%d not caught up, %d ms sealing in total)%n",
        measuredMaxLagMillis.get(),
        maxLagMillis.get(),
        sealed.get(),
        rounds.get(),
        busy.get(),
        sealNanos.get() / 1_000_000);
    db.close();
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
