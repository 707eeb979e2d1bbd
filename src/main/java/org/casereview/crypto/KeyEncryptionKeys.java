package org.casereview.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The states of the key-encryption keys (table {@code key_encryption_key}) over the material the
 * {@link KeyEncryptionKeyProvider} holds. Exactly one KEK is ACTIVE: the primary, which wraps new
 * data keys. States are read in the same statement that loads a data key, so a disabled KEK stops
 * unwrapping on the next cache miss, and every cached key is dropped when a state changes.
 */
@ApplicationScoped
public class KeyEncryptionKeys {

  private static final Logger LOG = Logger.getLogger(KeyEncryptionKeys.class);

  /** A key-encryption key as an administrator sees it. */
  public record KekView(
      String id,
      KekState state,
      Instant createdAt,
      Instant stateChangedAt,
      Instant destroyedAt,
      long wrappedDataKeys) {}

  /** A data key wrapped under a named KEK. */
  record WrappedKey(String kekId, byte[] bytes) {
    @Override
    public String toString() {
      return "WrappedKey[kekId=" + kekId + "]";
    }
  }

  @Inject DataSource dataSource;
  @Inject KeyEncryptionKeyProvider provider;
  @Inject DataKeyCache cache;
  @Inject TransactionSynchronizationRegistry transactions;
  @Inject Event<KeyRotated> keyEvents;

  /** Before any other start-up observer (the demo loader seals fields). */
  void registerKeysOnStart(
      @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
    QuarkusTransaction.requiringNew().run(this::registerProviderKeys);
  }

  /**
   * Records every KEK of the provider that the table does not know yet, as PASSIVE; if no KEK is
   * ACTIVE (a fresh installation), the newest becomes the primary.
   */
  void registerProviderKeys() {
    try (Connection c = dataSource.getConnection()) {
      lockTable(c);
      Map<String, KekState> known = states(c);
      List<KeyEncryptionKeyInfo> keys = provider.keys();
      for (KeyEncryptionKeyInfo key : keys) {
        if (!known.containsKey(key.id())) {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO key_encryption_key (kek_id, state, created_at, state_changed_at)"
                      + " VALUES (?, 'PASSIVE', ?, now())")) {
            s.setString(1, key.id());
            s.setTimestamp(2, Timestamp.from(key.createdAt()));
            s.executeUpdate();
          }
          known.put(key.id(), KekState.PASSIVE);
        }
      }
      if (!known.containsValue(KekState.ACTIVE) && !keys.isEmpty()) {
        String newest = keys.get(keys.size() - 1).id();
        setStateRow(c, newest, KekState.ACTIVE);
        LOG.infof("key-encryption key %s is the primary", newest);
      }
      for (String id : known.keySet()) {
        if (keys.stream().noneMatch(k -> k.id().equals(id)) && !isDestroyed(c, id)) {
          LOG.warnf("key-encryption key %s is recorded but missing from the key store", id);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("key-encryption keys could not be registered", e);
    }
  }

  /** All KEKs with their state and how many live data keys each still wraps. */
  public List<KekView> list() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT k.kek_id, k.state, k.created_at, k.state_changed_at, k.destroyed_at,"
                    + " (SELECT count(*) FROM subject_key sk"
                    + "   WHERE sk.kek_id = k.kek_id AND sk.wrapped_key IS NOT NULL)"
                    + " FROM key_encryption_key k ORDER BY k.created_at, k.kek_id");
        ResultSet rs = s.executeQuery()) {
      List<KekView> views = new ArrayList<>();
      while (rs.next()) {
        views.add(
            new KekView(
                rs.getString(1),
                KekState.valueOf(rs.getString(2)),
                instant(rs, 3),
                instant(rs, 4),
                instant(rs, 5),
                rs.getLong(6)));
      }
      return views;
    } catch (SQLException e) {
      throw new IllegalStateException("key-encryption keys could not be listed", e);
    }
  }

  public Optional<KekView> find(String kekId) {
    return list().stream().filter(k -> k.id().equals(kekId)).findFirst();
  }

  /** Creates a KEK in the provider and makes it the primary; the old primary becomes PASSIVE. */
  @Transactional
  public KekView rotate() {
    KeyEncryptionKeyInfo created = provider.createKey();
    try (Connection c = dataSource.getConnection()) {
      lockTable(c);
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE key_encryption_key SET state = 'PASSIVE', state_changed_at = now()"
                  + " WHERE state = 'ACTIVE'")) {
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO key_encryption_key (kek_id, state, created_at, state_changed_at)"
                  + " VALUES (?, 'ACTIVE', ?, now())"
                  + " ON CONFLICT (kek_id) DO UPDATE SET state = 'ACTIVE', state_changed_at = now()")) {
        s.setString(1, created.id());
        s.setTimestamp(2, Timestamp.from(created.createdAt()));
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("key-encryption key rotation failed", e);
    }
    keyEvents.fire(
        new KeyRotated(
            KeyRotated.Kind.KEY_ENCRYPTION_KEY_ROTATED, created.id(), null, Instant.now()));
    LOG.infof("key-encryption key %s is the new primary", created.id());
    return new KekView(created.id(), KekState.ACTIVE, created.createdAt(), Instant.now(), null, 0);
  }

  /**
   * Sets a non-primary KEK PASSIVE or DISABLED. The primary changes only by rotation, so there is
   * always exactly one KEK that wraps new keys.
   */
  @Transactional
  public void setState(String kekId, KekState state) {
    if (state == KekState.ACTIVE) {
      throw KeyAdminProblem.badRequest(
          "kek-activate-by-rotation", "a key-encryption key becomes primary only by rotation");
    }
    try (Connection c = dataSource.getConnection()) {
      lockTable(c);
      KekState current = states(c).get(kekId);
      if (current == null || isDestroyed(c, kekId)) {
        throw KeyAdminProblem.notFound("kek-not-found", "no such key-encryption key");
      }
      if (current == KekState.ACTIVE) {
        throw KeyAdminProblem.conflict(
            "kek-primary", "the primary key-encryption key cannot change state; rotate first");
      }
      if (current == state) {
        return;
      }
      setStateRow(c, kekId, state);
    } catch (SQLException e) {
      throw new IllegalStateException("key-encryption key state could not be changed", e);
    }
    evictAllNowAndAfterCompletion();
    keyEvents.fire(
        new KeyRotated(
            state == KekState.DISABLED
                ? KeyRotated.Kind.KEY_ENCRYPTION_KEY_DISABLED
                : KeyRotated.Kind.KEY_ENCRYPTION_KEY_PASSIVE,
            kekId,
            null,
            Instant.now()));
  }

  /**
   * Deletes a disabled KEK from the provider, which makes every copy of what it wrapped (backups
   * included) permanently unreadable. Refused while a live data key still depends on it.
   */
  @Transactional
  public void destroy(String kekId) {
    try (Connection c = dataSource.getConnection()) {
      lockTable(c);
      KekState current = states(c).get(kekId);
      if (current == null || isDestroyed(c, kekId)) {
        throw KeyAdminProblem.notFound("kek-not-found", "no such key-encryption key");
      }
      if (current != KekState.DISABLED) {
        throw KeyAdminProblem.conflict(
            "kek-not-disabled", "only a disabled key-encryption key can be destroyed");
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT count(*) FROM subject_key WHERE kek_id = ? AND wrapped_key IS NOT NULL")) {
        s.setString(1, kekId);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          if (rs.getLong(1) > 0) {
            throw KeyAdminProblem.conflict(
                "kek-still-wraps-keys",
                "data keys still depend on this key-encryption key; run a re-wrap job first");
          }
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE key_encryption_key SET destroyed_at = now() WHERE kek_id = ?")) {
        s.setString(1, kekId);
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("key-encryption key could not be destroyed", e);
    }
    provider.destroyKey(kekId);
    keyEvents.fire(
        new KeyRotated(KeyRotated.Kind.KEY_ENCRYPTION_KEY_DESTROYED, kekId, null, Instant.now()));
  }

  /** Wraps under the primary KEK, read in the caller's transaction. */
  WrappedKey wrapWithPrimary(Connection c, DataKey key) throws SQLException {
    String primary = primaryId(c);
    byte[] raw = key.bytesForWrapping();
    try {
      return new WrappedKey(primary, provider.wrap(primary, raw));
    } finally {
      java.util.Arrays.fill(raw, (byte) 0);
    }
  }

  String primaryId(Connection c) throws SQLException {
    String primary = findPrimaryId(c);
    if (primary == null) {
      // Sealing before the start-up registration ran (another start-up observer): register now.
      QuarkusTransaction.requiringNew().run(this::registerProviderKeys);
      primary = findPrimaryId(c);
    }
    if (primary == null) {
      throw new IllegalStateException("no primary key-encryption key");
    }
    return primary;
  }

  private static String findPrimaryId(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("SELECT kek_id FROM key_encryption_key WHERE state = 'ACTIVE'");
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** Unwraps unless the KEK is disabled or destroyed; any failure is "decryption failed". */
  byte[] unwrap(String kekId, KekState state, byte[] wrapped) {
    if (state == null || state == KekState.DISABLED) {
      throw new DecryptionFailedException();
    }
    return provider.unwrap(kekId, wrapped);
  }

  KeyEncryptionKeyProvider provider() {
    return provider;
  }

  private void evictAllNowAndAfterCompletion() {
    cache.invalidateAll();
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            cache.invalidateAll();
          }
        });
  }

  private static void lockTable(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("LOCK TABLE key_encryption_key IN SHARE ROW EXCLUSIVE MODE")) {
      s.execute();
    }
  }

  private static Map<String, KekState> states(Connection c) throws SQLException {
    Map<String, KekState> states = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT kek_id, state FROM key_encryption_key");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        states.put(rs.getString(1), KekState.valueOf(rs.getString(2)));
      }
    }
    return states;
  }

  private static boolean isDestroyed(Connection c, String kekId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT destroyed_at IS NOT NULL FROM key_encryption_key WHERE kek_id = ?")) {
      s.setString(1, kekId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private static void setStateRow(Connection c, String kekId, KekState state) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE key_encryption_key SET state = ?, state_changed_at = now() WHERE kek_id = ?")) {
      s.setString(1, state.name());
      s.setString(2, kekId);
      s.executeUpdate();
    }
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
