package org.casereview.audit.export;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.casereview.audit.AuditConfig;
import org.casereview.audit.AuditJson;
import org.casereview.audit.chain.Sealer;
import org.casereview.crypto.AuditSigner;
import org.jboss.logging.Logger;

/**
 * Runs exports in the background (at most two at a time), writing the file and its signed manifest
 * to an owner-only directory, and reports progress. Jobs are kept in memory by the instance that
 * runs them: an auditor polls the instance that answered the POST (sticky sessions or one export
 * instance), and a restart forgets unfinished jobs.
 */
@ApplicationScoped
public class ExportJobs {

  private static final Logger LOG = Logger.getLogger(ExportJobs.class);

  public enum Status {
    RUNNING,
    DONE,
    FAILED
  }

  /** A job as its owner sees it. */
  public record JobView(
      UUID id,
      String format,
      Status status,
      Map<String, String> filters,
      long positionReached,
      long positionTarget,
      int percent,
      Long entries,
      Instant createdAt,
      Instant finishedAt) {}

  private final class Job {
    final UUID id;
    final String owner;
    final ExportFormat format;
    final ExportFilter filter;
    final Instant createdAt = Instant.now();
    volatile Status status = Status.RUNNING;
    volatile long positionReached;
    volatile long positionTarget;
    volatile Long entries;
    volatile Instant finishedAt;
    volatile ExportManifest manifest;

    Job(UUID id, String owner, ExportFormat format, ExportFilter filter) {
      this.id = id;
      this.owner = owner;
      this.format = format;
      this.filter = filter;
    }

    Path file() {
      return directory.resolve(id + format.extension());
    }

    JobView view() {
      long target = positionTarget;
      int percent =
          status == Status.DONE ? 100 : target == 0 ? 0 : (int) (100 * positionReached / target);
      return new JobView(
          id,
          format.id(),
          status,
          filter.canonical(),
          positionReached,
          target,
          Math.min(100, percent),
          entries,
          createdAt,
          finishedAt);
    }
  }

  private final AgroalDataSource dataSource;
  private final Sealer sealer;
  private final AuditSigner signer;
  private final AuditConfig config;
  private final Path directory;
  private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "audit-export");
            t.setDaemon(true);
            return t;
          });

  public ExportJobs(
      AgroalDataSource dataSource, Sealer sealer, AuditSigner signer, AuditConfig config) {
    this.dataSource = dataSource;
    this.sealer = sealer;
    this.signer = signer;
    this.config = config;
    this.directory = Path.of(config.exportDirectory());
  }

  /** Starts an export under the given (fresh, random) job id. */
  public UUID start(UUID id, String owner, ExportFormat format, ExportFilter filter) {
    Job job = new Job(id, owner, format, filter);
    jobs.put(job.id, job);
    executor.submit(() -> run(job));
    return job.id;
  }

  public Optional<JobView> view(UUID id, String owner) {
    return find(id, owner).map(Job::view);
  }

  /** The finished file and its manifest, for the job's owner only. */
  public Optional<Finished> finished(UUID id, String owner) {
    return find(id, owner)
        .filter(j -> j.status == Status.DONE)
        .map(j -> new Finished(j.file(), j.manifest, j.format));
  }

  public record Finished(Path file, ExportManifest manifest, ExportFormat format) {}

  private Optional<Job> find(UUID id, String owner) {
    Job job = jobs.get(id);
    return job != null && job.owner.equals(owner) ? Optional.of(job) : Optional.empty();
  }

  private void run(Job job) {
    try {
      Files.createDirectories(directory);
      try {
        // Seal what is committed and checkpoint it, so the export reaches as far as possible.
        sealer.sealPending(true);
      } catch (SQLException e) {
        LOG.warnf("export %s: sealing before export failed (%s)", job.id, e.getSQLState());
      }
      try (Connection c = dataSource.getConnection()) {
        ExportManifest.Checkpoint checkpoint = AuditExporter.latestCheckpoint(c);
        job.positionTarget = checkpoint == null ? 0 : checkpoint.position();
        AuditExporter.Written written;
        try (OutputStream out =
            Files.newOutputStream(createOwnerOnly(job.file()), StandardOpenOption.WRITE)) {
          written =
              new AuditExporter()
                  .export(c, job.filter, job.format, checkpoint, out, p -> job.positionReached = p);
        }
        ExportManifest unsigned =
            new ExportManifest(
                job.format.id(),
                ExportManifest.FORMAT_VERSION,
                job.filter.canonical(),
                written.count(),
                written.firstPosition(),
                written.lastPosition(),
                checkpoint == null ? null : checkpoint.chainHead(),
                checkpoint,
                written.sha256(),
                Instant.now().toString(),
                signer.keyId(),
                null);
        String signature =
            Base64.getEncoder().encodeToString(signer.sign(unsigned.signedMessage()));
        job.manifest = unsigned.withSignature(signer.keyId(), signature);
        job.entries = written.count();
        job.finishedAt = Instant.now();
        job.status = Status.DONE;
      }
    } catch (IOException | SQLException | RuntimeException e) {
      job.status = Status.FAILED;
      job.finishedAt = Instant.now();
      LOG.warnf("export %s failed (%s)", job.id, e.getClass().getSimpleName());
    }
  }

  private static Path createOwnerOnly(Path file) throws IOException {
    try {
      return Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      return Files.createFile(file);
    }
  }

  /** The manifest as the JSON document handed to auditors. */
  public static byte[] manifestJson(ExportManifest manifest) throws IOException {
    return AuditJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
  }

  @Scheduled(identity = "audit-export-cleanup", every = "1h")
  void deleteExpired() {
    Instant cutoff = Instant.now().minus(config.exportRetention());
    jobs.values()
        .removeIf(
            j -> {
              if (j.finishedAt != null && j.finishedAt.isBefore(cutoff)) {
                try {
                  Files.deleteIfExists(j.file());
                } catch (IOException e) {
                  LOG.warnf("export %s: file not deleted", j.id);
                }
                return true;
              }
              return false;
            });
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
