package org.casereview.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.casereview.audit.JdkEd25519;
import org.casereview.audit.chain.ChainSealer;

/**
 * The audit benchmarks' sealer: a {@link ChainSealer} (the code the service's {@code Sealer} thread
 * runs) with the service's pause between rounds and its second connection for reading large
 * batches, and a sampler of the sealing lag (oldest unsealed entry) every 100 ms. Used by {@link
 * AuditAppendBench} and {@link AuditPgbench}, so both seal exactly alike.
 */
final class BenchSealer implements AutoCloseable {

  /** The sealer's pause between rounds: mdt.audit.seal-every's default (-Dbench.sealEvery=ms). */
  static final long SEAL_EVERY_MILLIS = Long.getLong("bench.sealEvery", 100);

  private final ScheduledExecutorService background = Executors.newScheduledThreadPool(2);
  private final Connection sealerConnection;
  private final Connection sealerReader;
  private final Connection lagConnection;

  /** Worst lag since the start, and since the last {@link #takeWindowMaxLagMillis}. */
  private final AtomicLong maxLagMillis = new AtomicLong();

  private final AtomicLong windowMaxLagMillis = new AtomicLong();
  private final AtomicLong sealed = new AtomicLong();
  private final AtomicLong notCaughtUp = new AtomicLong();
  private final AtomicLong rounds = new AtomicLong();
  private final AtomicLong sealNanos = new AtomicLong();

  BenchSealer(AuditBenchDatabase db) throws Exception {
    ChainSealer sealer =
        new ChainSealer(
            JdkEd25519.newSigner(), 5000, Duration.ofSeconds(10), Duration.ofMillis(200));
    sealerConnection = db.app();
    sealerReader = db.app();
    lagConnection = db.app();
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
                notCaughtUp.incrementAndGet();
              }
            } while (r.sealed() > 0 && !r.caughtUp());
          } catch (SQLException e) {
            System.err.println("sealer: " + e.getSQLState());
          }
        },
        SEAL_EVERY_MILLIS,
        SEAL_EVERY_MILLIS,
        TimeUnit.MILLISECONDS);
    background.scheduleWithFixedDelay(
        () -> {
          try {
            long lag = ChainSealer.sealingLagMillis(lagConnection);
            maxLagMillis.accumulateAndGet(lag, Math::max);
            windowMaxLagMillis.accumulateAndGet(lag, Math::max);
          } catch (SQLException e) {
            System.err.println("lag: " + e.getSQLState());
          }
        },
        100,
        100,
        TimeUnit.MILLISECONDS);
  }

  /** The worst lag sampled since the previous call (or the start), and a new window begins. */
  long takeWindowMaxLagMillis() {
    return windowMaxLagMillis.getAndSet(0);
  }

  long maxLagMillis() {
    return maxLagMillis.get();
  }

  /** One line on the sealer's work so far: entries, transactions, time spent sealing. */
  String summary() {
    return String.format(
        "entries sealed %d in %d sealer transactions (%d not caught up, %d ms sealing in total)",
        sealed.get(), rounds.get(), notCaughtUp.get(), sealNanos.get() / 1_000_000);
  }

  @Override
  public void close() throws Exception {
    background.shutdown();
    background.awaitTermination(5, TimeUnit.SECONDS);
    sealerConnection.close();
    sealerReader.close();
    lagConnection.close();
  }
}
