package org.casereview.crypto;

/**
 * Authenticated encryption with associated data, after Tink's {@code Aead}: the contract is
 * confidentiality of the plaintext and integrity of both plaintext and associated data, not an
 * algorithm. A ciphertext carries its key id, so decryption picks the key without trial.
 */
public interface Aead {

  byte[] encrypt(byte[] plaintext, byte[] associatedData);

  /** Throws {@link DecryptionFailedException} on any failure. */
  byte[] decrypt(byte[] ciphertext, byte[] associatedData);
}
