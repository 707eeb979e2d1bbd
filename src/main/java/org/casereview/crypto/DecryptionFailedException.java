package org.casereview.crypto;

/**
 * Any failure to open a ciphertext: wrong place, tampered bytes, unknown or disabled key, shredded
 * subject. Deliberately says nothing else and carries no cause, so that no failure mode (and no key
 * id, place or value) can be told apart from the outside.
 */
public class DecryptionFailedException extends RuntimeException {

  public static final String MESSAGE = "decryption failed";

  public DecryptionFailedException() {
    super(MESSAGE, null, false, true);
  }
}
