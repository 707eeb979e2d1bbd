package org.casereview.crypto;

/**
 * Verifies Ed25519 signatures with nothing but a public key: used by the service and by the offline
 * export verifier, which has no database and no key store.
 */
public interface SignatureVerifier {

  /** True only if the signature is a valid Ed25519 signature of the message under the key. */
  boolean verify(byte[] publicKeyX509, byte[] message, byte[] signature);
}
