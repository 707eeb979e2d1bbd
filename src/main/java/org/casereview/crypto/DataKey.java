package org.casereview.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One version of one subject's 256-bit data key, unwrapped, in memory only. Raw bytes leave it only
 * through {@link #bytesForWrapping()}, which the key hierarchy uses to wrap it.
 */
public final class DataKey {

  public static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final UUID subjectId;
  private final int version;
  private final SecretKey key;
  private final Aead aead;

  private DataKey(UUID subjectId, int version, byte[] keyBytes) {
    if (keyBytes == null || keyBytes.length != KEY_BYTES) {
      throw new IllegalArgumentException("a data key has 32 bytes");
    }
    if (version <= 0) {
      throw new IllegalArgumentException("a data key version is positive");
    }
    this.subjectId = Objects.requireNonNull(subjectId);
    this.version = version;
    this.key = new SecretKeySpec(keyBytes, "AES");
    this.aead = new AesGcmAead(key, version);
  }

  /** A fresh random data key. */
  public static DataKey generate(UUID subjectId, int version) {
    byte[] bytes = new byte[KEY_BYTES];
    RANDOM.nextBytes(bytes);
    try {
      return new DataKey(subjectId, version, bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** A data key just unwrapped by a key-encryption key. */
  public static DataKey unwrapped(UUID subjectId, int version, byte[] keyBytes) {
    return new DataKey(subjectId, version, keyBytes);
  }

  public UUID subjectId() {
    return subjectId;
  }

  public int version() {
    return version;
  }

  /** The AEAD under this key; its ciphertexts carry this key's version. */
  public Aead aead() {
    return aead;
  }

  /** The raw key, for wrapping under a key-encryption key only. The caller must wipe it. */
  byte[] bytesForWrapping() {
    return key.getEncoded();
  }

  @Override
  public String toString() {
    return "DataKey[subject=" + subjectId + ", version=" + version + "]";
  }
}
