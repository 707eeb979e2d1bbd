package org.casereview.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the key hierarchy (see docs/security-key-management.md). */
@ConfigMapping(prefix = "mdt.crypto")
public interface CryptoConfig {

  /**
   * The BCFKS key store holding the key-encryption keys, the blind-index key and the signing key.
   */
  @WithDefault("${user.home}/.mdt-case-review/keys.bcfks")
  String keystorePath();

  /** The key store passphrase itself (for instance from MDT_CRYPTO_KEYSTORE_PASSPHRASE). */
  Optional<String> keystorePassphrase();

  /**
   * A file holding the passphrase (a mounted secret). Without either setting, a passphrase file
   * {@code keystore-passphrase} next to the key store is used, generated on first run.
   */
  Optional<String> keystorePassphraseFile();

  /** How many subjects' unwrapped data keys are kept in memory at most. */
  @WithDefault("10000")
  int dataKeyCacheMaxEntries();

  /** How long an unwrapped data key stays in memory after it was loaded. */
  @WithDefault("PT15M")
  Duration dataKeyCacheTtl();

  /** How many data keys one re-wrap transaction moves to the primary key-encryption key. */
  @WithDefault("200")
  int rewrapBatchSize();
}
