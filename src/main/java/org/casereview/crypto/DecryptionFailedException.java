package org.casereview.crypto;

/** Any decryption failure. Says nothing more, by design. */
public class DecryptionFailedException extends RuntimeException {
  public DecryptionFailedException() {
    super("decryption failed", null, false, false);
  }
}
