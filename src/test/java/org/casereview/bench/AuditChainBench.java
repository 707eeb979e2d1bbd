package org.casereview.bench;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.casereview.audit.AuditEntryWriter;
import org.casereview.audit.AuditEvent;
import org.casereview.audit.JdkEd25519;
import org.casereview.audit.chain.ChainHasher;
import org.casereview.audit.chain.ChainSealer;
import org.casereview.audit.chain.ChainVerifier;
import org.casereview.audit.chain.LogEntry;
import org.casereview.audit.chain.VerificationReport;
import org.casereview.audit.export.AuditExporter;
import org.casereview.audit.export.ExportFilter;
import org.casereview.audit.export.ExportFormat;
import org.casereview.audit.export.ExportManifest;
import org.casereview.crypto.AuditSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verification and export rates over a sealed chain of {@value #ENTRIES} typical entries, through
 * ChainVerifier (with a second connection, as ChainVerification lends it) and AuditExporter (the
 * service's own code). Scores are entries per second. The fork runs with a 64 MB heap: an exporter
 * or verifier that held the result set in memory would fail here (the NDJSON written per invocation
 * is about 1 KB per entry).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx64m"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@State(Scope.Benchmark)
public class AuditChainBench {

  static final int ENTRIES = 100_000;

  AuditBenchDatabase db;
  Connection connection;
  Connection helper;
  AuditSigner signer;
  ChainVerifier verifier;
  ExportManifest.Checkpoint checkpoint;

  @Setup(Level.Trial)
  public void sealedChain() throws Exception {
    db = new AuditBenchDatabase();
    connection = db.app();
    connection.setAutoCommit(false);
    helper = db.app();
    AuditEvent event = AuditBenchDatabase.typicalDisclosure();
    ChainHasher hasher = new ChainHasher();
    try (PreparedStatement ps = connection.prepareStatement(AuditEntryWriterSql.INSERT)) {
      for (int i = 1; i <= ENTRIES; i++) {
        LogEntry content = AuditEntryWriter.content(UUID.randomUUID(), event);
        AuditEntryWriter.bind(ps, content, hasher.contentDigest(content));
        ps.addBatch();
        if (i % 1000 == 0) {
          ps.executeBatch();
          connection.commit();
        }
      }
    }
    connection.setAutoCommit(true);
    signer = JdkEd25519.newSigner();
    ChainSealer sealer =
        new ChainSealer(signer, 10_000, Duration.ofSeconds(10), Duration.ofSeconds(5));
    ChainSealer.Result r;
    do {
      r = sealer.sealOnce(connection, true);
    } while (!r.caughtUp());
    checkpoint = AuditExporter.latestCheckpoint(connection);
    if (checkpoint == null || checkpoint.position() != ENTRIES) {
      throw new IllegalStateException("chain not sealed as expected");
    }
    verifier = new ChainVerifier(JdkEd25519.verifier(), signer.keyId(), signer.publicKeyX509());
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    connection.close();
    helper.close();
    db.close();
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public long verifyChain() throws Exception {
    VerificationReport report = verifier.verify(connection, helper, 1, null);
    if (!report.intact() || report.entriesVerified() != ENTRIES) {
      throw new IllegalStateException("chain did not verify");
    }
    return report.entriesVerified();
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public long exportNdjson() throws Exception {
    AuditExporter.Written w =
        new AuditExporter()
            .export(
                connection,
                ExportFilter.everything(),
                ExportFormat.NDJSON,
                checkpoint,
                OutputStream.nullOutputStream(),
                p -> {});
    if (w.count() != ENTRIES) {
      throw new IllegalStateException("export incomplete");
    }
    return w.count();
  }

  /** The writer's statement, for batched loading of the fixture. */
  static final class AuditEntryWriterSql {
    static final String INSERT = AuditEntryWriter.insertSql();
  }
}
