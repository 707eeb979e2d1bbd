package org.casereview.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the audit log (prefix {@code mdt.audit}). */
@ConfigMapping(prefix = "mdt.audit")
public interface AuditConfig {

  /**
   * Pause between two sealing rounds (e.g. {@code 100ms}). 100 ms rather than 200 ms kept the
   * sealing lag under load about 0.3 s lower at no measurable cost to the writers
   * (docs/benchmarks.md).
   */
  @WithDefault("100ms")
  Duration sealEvery();

  /** Most entries sealed in one sealer transaction. */
  @WithDefault("5000")
  int sealBatchSize();

  /** How often a signed checkpoint is written while the chain grows. */
  @WithDefault("10s")
  Duration checkpointEvery();

  /**
   * How long one sealing round waits for the transactions in progress at its horizon to end before
   * it gives up until the next round.
   */
  @WithDefault("200ms")
  Duration sealHorizonWait();

  /** Monthly partitions kept created ahead of the current month. */
  @WithDefault("3")
  int partitionMonthsAhead();

  /** Where export job files are written (owner-only directory). */
  @WithDefault("${java.io.tmpdir}/mdt-audit-exports")
  String exportDirectory();

  /** How long finished export files are kept before they are deleted. */
  @WithDefault("24h")
  Duration exportRetention();
}
