package org.casereview.audit.chain;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.casereview.audit.AuditConfig;
import org.casereview.crypto.AuditSigner;
import org.jboss.logging.Logger;

/**
 * Runs the {@link ChainSealer} every {@code mdt.audit.seal-every} on every instance; the leader
 * lock lets one of them seal. Publishes the sealing lag ({@code mdt.audit.sealing.lag}) and the
 * number of entries sealed here ({@code mdt.audit.entries.sealed}).
 *
 * <p>Its own thread, not {@code @Scheduled}: Quarkus's scheduler fires at most once a second
 * (shorter {@code every} values are run late, with a warning), which alone would keep the sealing
 * lag near a second. A fixed delay between rounds also means a slow round is never overlapped.
 */
@ApplicationScoped
public class Sealer {

  private static final Logger LOG = Logger.getLogger(Sealer.class);

  /** Upper bound on catch-up work per tick, so a backlog never pins a worker thread for long. */
  private static final long TICK_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final AgroalDataSource dataSource;
  private final Duration every;
  private final ScheduledExecutorService executor;
  private final ChainSealer sealer;
  private final AtomicLong lagMillis = new AtomicLong();
  private final Counter sealedCounter;

  public Sealer(
      AgroalDataSource dataSource, AuditSigner signer, AuditConfig config, MeterRegistry registry) {
    this.dataSource = dataSource;
    this.every = config.sealEvery();
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("mdt.audit.seal-every must be positive");
    }
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "audit-sealer");
              t.setDaemon(true);
              return t;
            });
    this.sealer =
        new ChainSealer(
            signer, config.sealBatchSize(), config.checkpointEvery(), config.sealHorizonWait());
    TimeGauge.builder("mdt.audit.sealing.lag", lagMillis, TimeUnit.MILLISECONDS, AtomicLong::get)
        .description("Age of the oldest audit entry not yet sealed into the hash chain")
        .register(registry);
    this.sealedCounter =
        Counter.builder("mdt.audit.entries.sealed")
            .description("Audit entries sealed by this instance")
            .register(registry);
  }

  void start(@Observes StartupEvent event) {
    long delay = every.toMillis();
    executor.scheduleWithFixedDelay(this::tick, delay, delay, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    executor.shutdown();
    if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
      executor.shutdownNow();
    }
  }

  void tick() {
    try {
      sealPending(false);
    } catch (SQLException | RuntimeException e) {
      // The next tick retries; the lag metric shows if sealing stays behind.
      LOG.warnf("audit sealing failed (%s); will retry", e.getClass().getSimpleName());
    }
  }

  /**
   * Seals everything committed so far (as far as this instance may: if another instance leads, it
   * returns after a short wait for it) and refreshes the lag. With {@code forceCheckpoint}, a
   * checkpoint covers the new head. Returns the last result.
   */
  public ChainSealer.Result sealPending(boolean forceCheckpoint) throws SQLException {
    long deadline = System.nanoTime() + TICK_BUDGET_NANOS;
    ChainSealer.Result r;
    try (Connection c = dataSource.getConnection();
        Connection reader = dataSource.getConnection()) {
      do {
        r = sealer.sealOnce(c, reader, forceCheckpoint);
        if (r.sealed() > 0) {
          sealedCounter.increment(r.sealed());
        }
      } while (r.outcome() == ChainSealer.Outcome.SEALED
          && !r.caughtUp()
          && System.nanoTime() < deadline);
      lagMillis.set(ChainSealer.sealingLagMillis(c));
    }
    return r;
  }

  /** The last measured sealing lag. */
  public long lagMillis() {
    return lagMillis.get();
  }
}
