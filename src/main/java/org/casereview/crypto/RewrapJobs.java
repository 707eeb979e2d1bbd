package org.casereview.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Online re-wrap: moves every live data key to one target key-encryption key (the primary when the
 * job starts), a batch per transaction, while the service keeps serving. Each batch commits its
 * keys together with the job's cursor and counters, so after a crash the job resumes (at start, or
 * by {@link #resume}) where the last committed batch ended; a key already under the target is never
 * selected again, so repeating a batch is harmless. Field ciphertexts do not change: only the
 * wrapping of the data keys does.
 */
@ApplicationScoped
public class RewrapJobs {

  private static final Logger LOG = Logger.getLogger(RewrapJobs.class);

  /** A job's progress as reported to the administrator. */
  public record Progress(
      UUID jobId,
      String targetKekId,
      String state,
      long totalKeys,
      long rewrappedKeys,
      long skippedKeys,
      Instant startedAt,
      Instant updatedAt,
      Instant finishedAt) {}

  private record Candidate(
      UUID subjectId, int version, String kekId, byte[] wrapped, KekState state) {}

  @Inject DataSource dataSource;
  @Inject KeyEncryptionKeys keks;
  @Inject CryptoConfig config;
  @Inject Event<KeyRotated> keyEvents;

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "key-rewrap");
            thread.setDaemon(true);
            return thread;
          });

  void resumeInterruptedJobsOnStart(@Observes StartupEvent event) {
    for (UUID jobId : runningJobs()) {
      LOG.infof("resuming re-wrap job %s", jobId);
      worker.submit(() -> resumeLogged(jobId));
    }
  }

  void stopOnShutdown(@Observes ShutdownEvent event) {
    // Interrupts between batches at worst; the committed cursor lets the next start resume.
    worker.shutdownNow();
  }

  /** Records a new job and runs it in the background. */
  public UUID start() {
    UUID jobId = create();
    worker.submit(() -> resumeLogged(jobId));
    return jobId;
  }

  /** Records a new RUNNING job targeting the current primary, without running it. */
  public UUID create() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement s =
                    c.prepareStatement("LOCK TABLE key_rewrap_job IN SHARE ROW EXCLUSIVE MODE")) {
                  s.execute();
                }
                if (!runningJobs(c).isEmpty()) {
                  throw KeyAdminProblem.conflict(
                      "rewrap-job-running", "a re-wrap job is already running");
                }
                String target = keks.primaryId(c);
                long total;
                try (PreparedStatement s =
                    c.prepareStatement(
                        "SELECT count(*) FROM subject_key"
                            + " WHERE wrapped_key IS NOT NULL AND kek_id <> ?")) {
                  s.setString(1, target);
                  try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                  }
                }
                UUID jobId = UUID.randomUUID();
                try (PreparedStatement s =
                    c.prepareStatement(
                        "INSERT INTO key_rewrap_job (job_id, target_kek_id, state, total_keys,"
                            + " started_at, updated_at) VALUES (?, ?, 'RUNNING', ?, now(), now())")) {
                  s.setObject(1, jobId);
                  s.setString(2, target);
                  s.setLong(3, total);
                  s.executeUpdate();
                }
                return jobId;
              }
            });
  }

  /** Resumes a RUNNING job in the background (after a failure, without waiting for a restart). */
  public boolean resumeInBackground(UUID jobId) {
    Optional<Progress> progress = progress(jobId);
    if (progress.isEmpty() || !"RUNNING".equals(progress.get().state())) {
      return false;
    }
    worker.submit(() -> resumeLogged(jobId));
    return true;
  }

  /** Runs the job's remaining batches in the calling thread. */
  public void resume(UUID jobId) {
    while (runBatch(jobId, config.rewrapBatchSize())) {
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }

  /**
   * Moves at most {@code batchSize} keys in one transaction.
   *
   * @return false once the job is finished (or not running)
   */
  public boolean runBatch(UUID jobId, int batchSize) {
    return QuarkusTransaction.requiringNew().call(() -> batch(jobId, batchSize));
  }

  public Optional<Progress> progress(UUID jobId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT job_id, target_kek_id, state, total_keys, rewrapped_keys, skipped_keys,"
                    + " started_at, updated_at, finished_at FROM key_rewrap_job WHERE job_id = ?")) {
      s.setObject(1, jobId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Progress(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                KeyEncryptionKeys.instant(rs, 7),
                KeyEncryptionKeys.instant(rs, 8),
                KeyEncryptionKeys.instant(rs, 9)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("re-wrap job could not be read", e);
    }
  }

  private boolean batch(UUID jobId, int batchSize) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      String target;
      UUID cursorSubject;
      int cursorVersion;
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT state, target_kek_id, cursor_subject, cursor_version FROM key_rewrap_job"
                  + " WHERE job_id = ? FOR UPDATE")) {
        s.setObject(1, jobId);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next() || !"RUNNING".equals(rs.getString(1))) {
            return false;
          }
          target = rs.getString(2);
          cursorSubject = rs.getObject(3, UUID.class);
          cursorVersion = rs.getInt(4);
        }
      }
      KekState targetState = targetState(c, target);
      if (targetState == null || targetState == KekState.DISABLED) {
        finish(c, jobId, "FAILED");
        LOG.warnf("re-wrap job %s stopped: its target key-encryption key is not usable", jobId);
        return false;
      }
      List<Candidate> candidates = candidates(c, target, cursorSubject, cursorVersion, batchSize);
      if (candidates.isEmpty()) {
        finish(c, jobId, "COMPLETED");
        keyEvents.fire(
            new KeyRotated(KeyRotated.Kind.DATA_KEYS_REWRAPPED, target, null, Instant.now()));
        return false;
      }
      long rewrapped = 0;
      long skipped = 0;
      for (Candidate candidate : candidates) {
        byte[] raw = null;
        try {
          raw = keks.unwrap(candidate.kekId(), candidate.state(), candidate.wrapped());
          byte[] wrapped = keks.provider().wrap(target, raw);
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE subject_key SET kek_id = ?, wrapped_key = ?"
                      + " WHERE subject_id = ? AND version = ?")) {
            s.setString(1, target);
            s.setBytes(2, wrapped);
            s.setObject(3, candidate.subjectId());
            s.setInt(4, candidate.version());
            s.executeUpdate();
          }
          rewrapped++;
        } catch (DecryptionFailedException e) {
          // under a disabled or missing KEK: cannot be moved, and stays unreadable
          skipped++;
        } finally {
          if (raw != null) {
            Arrays.fill(raw, (byte) 0);
          }
        }
      }
      Candidate last = candidates.get(candidates.size() - 1);
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE key_rewrap_job SET rewrapped_keys = rewrapped_keys + ?,"
                  + " skipped_keys = skipped_keys + ?, cursor_subject = ?, cursor_version = ?,"
                  + " updated_at = now() WHERE job_id = ?")) {
        s.setLong(1, rewrapped);
        s.setLong(2, skipped);
        s.setObject(3, last.subjectId());
        s.setInt(4, last.version());
        s.setObject(5, jobId);
        s.executeUpdate();
      }
      return true;
    }
  }

  private static List<Candidate> candidates(
      Connection c, String target, UUID cursorSubject, int cursorVersion, int batchSize)
      throws SQLException {
    String sql =
        "SELECT sk.subject_id, sk.version, sk.kek_id, sk.wrapped_key,"
            + " CASE WHEN k.destroyed_at IS NULL THEN k.state END"
            + " FROM subject_key sk JOIN key_encryption_key k ON k.kek_id = sk.kek_id"
            + " WHERE sk.wrapped_key IS NOT NULL AND sk.kek_id <> ?"
            + (cursorSubject == null ? "" : " AND (sk.subject_id, sk.version) > (?, ?)")
            + " ORDER BY sk.subject_id, sk.version LIMIT ? FOR UPDATE OF sk";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      s.setString(i++, target);
      if (cursorSubject != null) {
        s.setObject(i++, cursorSubject);
        s.setInt(i++, cursorVersion);
      }
      s.setInt(i, batchSize);
      try (ResultSet rs = s.executeQuery()) {
        List<Candidate> candidates = new ArrayList<>();
        while (rs.next()) {
          String state = rs.getString(5);
          candidates.add(
              new Candidate(
                  rs.getObject(1, UUID.class),
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getBytes(4),
                  state == null ? null : KekState.valueOf(state)));
        }
        return candidates;
      }
    }
  }

  private static KekState targetState(Connection c, String target) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT state FROM key_encryption_key WHERE kek_id = ? AND destroyed_at IS NULL")) {
      s.setString(1, target);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? KekState.valueOf(rs.getString(1)) : null;
      }
    }
  }

  private static void finish(Connection c, UUID jobId, String state) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE key_rewrap_job SET state = ?, finished_at = now(), updated_at = now()"
                + " WHERE job_id = ?")) {
      s.setString(1, state);
      s.setObject(2, jobId);
      s.executeUpdate();
    }
  }

  private void resumeLogged(UUID jobId) {
    try {
      resume(jobId);
    } catch (RuntimeException e) {
      // Left RUNNING: the next start (or an administrator's retry) resumes from the cursor.
      LOG.errorf("re-wrap job %s stopped: %s", jobId, e.getClass().getSimpleName());
    }
  }

  private List<UUID> runningJobs() {
    try (Connection c = dataSource.getConnection()) {
      return runningJobs(c);
    } catch (SQLException e) {
      throw new IllegalStateException("re-wrap jobs could not be read", e);
    }
  }

  private static List<UUID> runningJobs(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("SELECT job_id FROM key_rewrap_job WHERE state = 'RUNNING'");
        ResultSet rs = s.executeQuery()) {
      List<UUID> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
      return ids;
    }
  }
}
