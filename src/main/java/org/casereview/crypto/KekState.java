package org.casereview.crypto;

/** Key states after Keycloak's: who may use a key-encryption key for what. */
public enum KekState {
  /** The primary: wraps new data keys and unwraps. Exactly one KEK is ACTIVE. */
  ACTIVE,
  /** Still unwraps the data keys it wrapped; wraps nothing new. */
  PASSIVE,
  /** Unwraps nothing: the data keys it wraps, and the fields under them, are unreadable. */
  DISABLED
}
