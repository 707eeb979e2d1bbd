package org.casereview.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM from the JDK (AES-NI) in ciphertext format 1 (ADR 0002):
 *
 * <pre>
 * byte 0      format version (1)
 * bytes 1-4   data-key version, big-endian
 * bytes 5-16  96-bit random nonce
 * bytes 17-   AES-GCM ciphertext followed by the 128-bit tag
 * </pre>
 *
 * The 5-byte header is authenticated as the first part of the associated data, so neither the
 * format version nor the key version can be changed without the tag failing.
 */
final class AesGcmAead implements Aead {

  static final byte FORMAT_VERSION = 1;
  static final int HEADER_BYTES = 5;
  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;
  static final int OVERHEAD_BYTES = HEADER_BYTES + NONCE_BYTES + TAG_BITS / 8;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey key;
  private final int keyVersion;

  AesGcmAead(SecretKey key, int keyVersion) {
    this.key = key;
    this.keyVersion = keyVersion;
  }

  /** The data-key version a format-1 ciphertext names; failure if it is not format 1. */
  static int keyVersionOf(byte[] ciphertext) {
    if (ciphertext == null
        || ciphertext.length < OVERHEAD_BYTES
        || ciphertext[0] != FORMAT_VERSION) {
      throw new DecryptionFailedException();
    }
    return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
    byte[] out = new byte[OVERHEAD_BYTES + plaintext.length];
    out[0] = FORMAT_VERSION;
    out[1] = (byte) (keyVersion >>> 24);
    out[2] = (byte) (keyVersion >>> 16);
    out[3] = (byte) (keyVersion >>> 8);
    out[4] = (byte) keyVersion;
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    System.arraycopy(nonce, 0, out, HEADER_BYTES, NONCE_BYTES);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(out, 0, HEADER_BYTES);
      cipher.updateAAD(associatedData);
      cipher.doFinal(plaintext, 0, plaintext.length, out, HEADER_BYTES + NONCE_BYTES);
      return out;
    } catch (GeneralSecurityException e) {
      // Only a broken JDK gets here; the message must not depend on the input.
      throw new IllegalStateException("encryption failed");
    }
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
    if (keyVersionOf(ciphertext) != keyVersion) {
      throw new DecryptionFailedException();
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, ciphertext, HEADER_BYTES, NONCE_BYTES));
      cipher.updateAAD(ciphertext, 0, HEADER_BYTES);
      cipher.updateAAD(associatedData);
      int offset = HEADER_BYTES + NONCE_BYTES;
      return cipher.doFinal(ciphertext, offset, ciphertext.length - offset);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new DecryptionFailedException();
    }
  }

  @Override
  public String toString() {
    return "AesGcmAead[keyVersion=" + keyVersion + "]";
  }
}
