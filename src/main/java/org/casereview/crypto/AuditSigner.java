package org.casereview.crypto;

/**
 * Signs audit checkpoints and export manifests with the task force's Ed25519 key, which lives in
 * the key store. The private key never leaves the implementation.
 */
public interface AuditSigner {

  /** A stable identifier of the signing key (changes when the key is rotated). */
  String keyId();

  /** The public key as an X.509 SubjectPublicKeyInfo (DER), as published to auditors. */
  byte[] publicKeyX509();

  /** An Ed25519 signature (64 bytes) over the message. */
  byte[] sign(byte[] message);
}
