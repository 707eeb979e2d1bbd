package org.casereview.crypto;

import java.time.Instant;
import java.util.UUID;

/**
 * CDI event fired inside the transaction of a rotation or key-state change, for the audit log.
 * Carries key ids and versions only, never key material.
 */
public record KeyRotated(Kind kind, String keyId, UUID subjectId, Instant at) {

  public enum Kind {
    /** A new key-encryption key became primary; {@code keyId} is the new KEK. */
    KEY_ENCRYPTION_KEY_ROTATED,
    /** A KEK was set PASSIVE; {@code keyId} is that KEK. */
    KEY_ENCRYPTION_KEY_PASSIVE,
    /** A KEK was disabled; {@code keyId} is that KEK. */
    KEY_ENCRYPTION_KEY_DISABLED,
    /** A KEK was deleted from the key store; {@code keyId} is that KEK. */
    KEY_ENCRYPTION_KEY_DESTROYED,
    /** A re-wrap job finished; {@code keyId} is its target KEK. */
    DATA_KEYS_REWRAPPED,
    /**
     * One subject got a new data key and their fields were re-encrypted; {@code keyId} is the
     * version.
     */
    DATA_KEY_ROTATED
  }
}
