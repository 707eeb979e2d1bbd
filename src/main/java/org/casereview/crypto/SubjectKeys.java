package org.casereview.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Envelope data keys, one per youth (subject): created on first use, wrapped by the primary
 * key-encryption key in table {@code subject_key}, unwrapped on a cache miss only, rotated with
 * re-encryption of the subject's fields, and destroyed by shredding.
 *
 * <p>A data-key rotation keeps the previous version alive (a write that raced the rotation may
 * still have used it) and destroys every older one; so at most two versions of a subject's key
 * exist at any time.
 */
@ApplicationScoped
public class SubjectKeys implements SubjectKeyRings {

  private static final Logger LOG = Logger.getLogger(SubjectKeys.class);

  @Inject DataSource dataSource;
  @Inject KeyEncryptionKeys keks;
  @Inject DataKeyCache cache;
  @Inject TransactionSynchronizationRegistry transactions;
  @Inject @Any Instance<SubjectFieldStore> fieldStores;
  @Inject Event<SubjectShredded> shreddedEvents;
  @Inject Event<KeyRotated> keyEvents;

  /** One row of {@code subject_key} joined with its KEK's state. */
  private record KeyRow(
      int version, String kekId, byte[] wrapped, boolean shredded, KekState kekState) {
    boolean live() {
      return wrapped != null;
    }
  }

  /**
   * Creates the subject's first data key; does nothing if the subject has one (or was shredded).
   */
  public void create(UUID subjectId) {
    Objects.requireNonNull(subjectId, "subjectId");
    // Own transaction: a key used to seal a value must exist even if the caller rolls back, or a
    // cached key could seal values that nothing can open later.
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection c = dataSource.getConnection()) {
                if (!rows(c, subjectId, false).isEmpty()) {
                  return;
                }
                insertKey(c, DataKey.generate(subjectId, 1));
              } catch (SQLException e) {
                throw new IllegalStateException("data key could not be created", e);
              }
            });
  }

  /**
   * Destroys every version of the subject's data key and drops it from memory: afterwards none of
   * the subject's fields opens, here or in any copy of the database. Also marks a subject that
   * never had a key, so none is created later. Fires {@link SubjectShredded} in this transaction.
   */
  @Transactional
  public void shred(UUID subjectId) {
    Objects.requireNonNull(subjectId, "subjectId");
    boolean newlyShredded;
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE subject_key SET wrapped_key = NULL, kek_id = NULL, shredded_at = now()"
                  + " WHERE subject_id = ? AND shredded_at IS NULL")) {
        s.setObject(1, subjectId);
        newlyShredded = s.executeUpdate() > 0;
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO subject_key (subject_id, version, created_at, shredded_at)"
                  + " VALUES (?, 1, now(), now()) ON CONFLICT DO NOTHING")) {
        s.setObject(1, subjectId);
        newlyShredded |= s.executeUpdate() > 0;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("data key could not be destroyed", e);
    }
    evictNowAndAfterCompletion(subjectId);
    if (newlyShredded) {
      shreddedEvents.fire(new SubjectShredded(subjectId, Instant.now()));
    }
  }

  public boolean isShredded(UUID subjectId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM subject_key"
                    + " WHERE subject_id = ? AND shredded_at IS NOT NULL)")) {
      s.setObject(1, subjectId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("data key state could not be read", e);
    }
  }

  /**
   * Gives the subject a new data key and re-encrypts all of their fields through every {@link
   * SubjectFieldStore}, in one transaction; versions older than the previous one are destroyed.
   *
   * @return the new data-key version
   */
  @Transactional
  public int rotateDataKey(UUID subjectId) {
    Objects.requireNonNull(subjectId, "subjectId");
    if (fieldStores.isUnsatisfied()) {
      // Without stores nothing is re-encrypted, and the next rotation would destroy the key that
      // every field still depends on.
      throw KeyAdminProblem.conflict(
          "no-field-stores", "no SubjectFieldStore is registered to re-encrypt the fields");
    }
    int newVersion;
    try (Connection c = dataSource.getConnection()) {
      List<KeyRow> rows = rows(c, subjectId, true);
      if (rows.stream().anyMatch(KeyRow::shredded)) {
        throw new SubjectShreddedException();
      }
      if (rows.isEmpty()) {
        insertKey(c, DataKey.generate(subjectId, 1));
        evictNowAndAfterCompletion(subjectId);
        return 1;
      }
      SubjectKeyRing old = ring(subjectId, rows);
      if (old.primary().isEmpty()) {
        throw KeyAdminProblem.conflict(
            "data-key-unavailable",
            "the subject's data key cannot be unwrapped (its key-encryption key is disabled)");
      }
      newVersion = rows.get(rows.size() - 1).version() + 1;
      DataKey fresh = DataKey.generate(subjectId, newVersion);
      insertKey(c, fresh);
      List<DataKey> keys = new ArrayList<>();
      for (KeyRow row : rows) {
        old.version(row.version()).ifPresent(keys::add);
      }
      keys.add(fresh);
      SubjectKeyRing rotated = new SubjectKeyRing(subjectId, newVersion, keys);
      AtomicInteger unreadable = new AtomicInteger();
      for (SubjectFieldStore store : fieldStores) {
        store.reencryptSubject(
            subjectId,
            (place, ciphertext) -> {
              if (ciphertext == null) {
                return null;
              }
              try {
                return FieldCodec.sealWith(
                    rotated, place, FieldCodec.openWith(old, place, ciphertext));
              } catch (DecryptionFailedException e) {
                // Unreadable already (tampered, or under a destroyed version): leave it as it is.
                unreadable.incrementAndGet();
                return ciphertext;
              }
            });
      }
      if (unreadable.get() > 0) {
        LOG.warnf("data-key rotation left %d unreadable field values unchanged", unreadable.get());
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE subject_key SET wrapped_key = NULL, kek_id = NULL, retired_at = now()"
                  + " WHERE subject_id = ? AND version < ? AND wrapped_key IS NOT NULL")) {
        s.setObject(1, subjectId);
        s.setInt(2, old.primaryVersion());
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("data key could not be rotated", e);
    }
    evictNowAndAfterCompletion(subjectId);
    keyEvents.fire(
        new KeyRotated(
            KeyRotated.Kind.DATA_KEY_ROTATED, "v" + newVersion, subjectId, Instant.now()));
    return newVersion;
  }

  @Override
  public SubjectKeyRing forSealing(UUID subjectId) {
    return cache.get(
        subjectId,
        id -> {
          List<KeyRow> rows = load(id);
          if (rows.isEmpty()) {
            create(id);
            rows = load(id);
          }
          if (rows.stream().anyMatch(KeyRow::shredded)) {
            throw new SubjectShreddedException();
          }
          return ring(id, rows);
        });
  }

  @Override
  public SubjectKeyRing forOpening(UUID subjectId, int keyVersion) {
    SubjectKeyRing ring = cache.get(subjectId, this::loadForOpening);
    if (ring.version(keyVersion).isEmpty() && keyVersion > ring.primaryVersion()) {
      // Written under a version newer than the cached ring (a rotation committed meanwhile).
      cache.invalidate(subjectId);
      ring = cache.get(subjectId, this::loadForOpening);
    }
    return ring;
  }

  private SubjectKeyRing loadForOpening(UUID subjectId) {
    List<KeyRow> rows = load(subjectId);
    if (rows.isEmpty() || rows.stream().anyMatch(KeyRow::shredded)) {
      throw new DecryptionFailedException();
    }
    return ring(subjectId, rows);
  }

  private List<KeyRow> load(UUID subjectId) {
    try (Connection c = dataSource.getConnection()) {
      return rows(c, subjectId, false);
    } catch (SQLException e) {
      throw new IllegalStateException("data key could not be loaded", e);
    }
  }

  /** Unwraps every live version it can; a version under a disabled KEK is simply absent. */
  private SubjectKeyRing ring(UUID subjectId, List<KeyRow> rows) {
    int primary = 0;
    List<DataKey> keys = new ArrayList<>();
    for (KeyRow row : rows) {
      if (!row.live()) {
        continue;
      }
      primary = Math.max(primary, row.version());
      byte[] raw = null;
      try {
        raw = keks.unwrap(row.kekId(), row.kekState(), row.wrapped());
        keys.add(DataKey.unwrapped(subjectId, row.version(), raw));
      } catch (DecryptionFailedException | IllegalArgumentException e) {
        // unusable version: fields under it do not open
      } finally {
        if (raw != null) {
          Arrays.fill(raw, (byte) 0);
        }
      }
    }
    return new SubjectKeyRing(subjectId, primary, keys);
  }

  private List<KeyRow> rows(Connection c, UUID subjectId, boolean forUpdate) throws SQLException {
    String sql =
        "SELECT sk.version, sk.kek_id, sk.wrapped_key, sk.shredded_at IS NOT NULL,"
            + " CASE WHEN k.destroyed_at IS NULL THEN k.state END"
            + " FROM subject_key sk LEFT JOIN key_encryption_key k ON k.kek_id = sk.kek_id"
            + " WHERE sk.subject_id = ? ORDER BY sk.version"
            + (forUpdate ? " FOR UPDATE OF sk" : "");
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, subjectId);
      try (ResultSet rs = s.executeQuery()) {
        List<KeyRow> rows = new ArrayList<>();
        while (rs.next()) {
          String state = rs.getString(5);
          rows.add(
              new KeyRow(
                  rs.getInt(1),
                  rs.getString(2),
                  rs.getBytes(3),
                  rs.getBoolean(4),
                  state == null ? null : KekState.valueOf(state)));
        }
        return rows;
      }
    }
  }

  private void insertKey(Connection c, DataKey key) throws SQLException {
    KeyEncryptionKeys.WrappedKey wrapped = keks.wrapWithPrimary(c, key);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO subject_key (subject_id, version, kek_id, wrapped_key, created_at)"
                + " VALUES (?, ?, ?, ?, now()) ON CONFLICT DO NOTHING")) {
      s.setObject(1, key.subjectId());
      s.setInt(2, key.version());
      s.setString(3, wrapped.kekId());
      s.setBytes(4, wrapped.bytes());
      s.executeUpdate();
    }
  }

  private void evictNowAndAfterCompletion(UUID subjectId) {
    cache.invalidate(subjectId);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            cache.invalidate(subjectId);
          }
        });
  }
}
