package org.casereview.crypto;

import java.util.List;

/**
 * The source of key-encryption keys (KEKs): the seam where a PKCS#11 HSM or a KMS such as Vault
 * Transit replaces the default BCFKS key store (ADR 0002). Implementations never hand out KEK
 * material: they wrap and unwrap data keys themselves. Called at start, on rotation and on a
 * data-key cache miss; never per field.
 */
public interface KeyEncryptionKeyProvider {

  /** The KEKs this source holds, oldest first. */
  List<KeyEncryptionKeyInfo> keys();

  /** Creates a new KEK (it becomes primary once recorded as ACTIVE). */
  KeyEncryptionKeyInfo createKey();

  /** Irrevocably deletes a KEK; whatever it wrapped, in any backup, can no longer be unwrapped. */
  void destroyKey(String kekId);

  /** Wraps a 256-bit data key under the named KEK. */
  byte[] wrap(String kekId, byte[] dataKey);

  /** Unwraps; throws {@link DecryptionFailedException} on any failure, including an unknown KEK. */
  byte[] unwrap(String kekId, byte[] wrappedKey);
}
