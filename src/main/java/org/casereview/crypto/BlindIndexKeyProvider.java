package org.casereview.crypto;

import javax.crypto.Mac;

/**
 * The blind-index key, a separate HMAC-SHA256 key that never encrypts anything. Hands out an
 * initialised {@link Mac} rather than key bytes, so an HSM-backed provider can keep the key.
 */
public interface BlindIndexKeyProvider {

  /** A fresh HMAC-SHA256 instance under the blind-index key (not thread-safe; one per use). */
  Mac newBlindIndexMac();
}
