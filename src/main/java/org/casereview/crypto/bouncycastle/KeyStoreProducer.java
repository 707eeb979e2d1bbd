package org.casereview.crypto.bouncycastle;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.casereview.crypto.CryptoConfig;
import org.jboss.logging.Logger;

/**
 * Opens the key store once, at start (never lazily on a request), with the passphrase from the
 * configuration, a secret file, or (embedded default only) a generated owner-only file next to it.
 */
@ApplicationScoped
public class KeyStoreProducer {

  private static final Logger LOG = Logger.getLogger(KeyStoreProducer.class);
  static final String DEFAULT_PASSPHRASE_FILE = "keystore-passphrase";

  @Produces
  @Singleton
  @Startup
  BcfksKeyStore keyStore(CryptoConfig config) {
    Path path = Path.of(config.keystorePath()).toAbsolutePath();
    char[] passphrase = passphrase(config, path);
    BcfksKeyStore store = BcfksKeyStore.openOrCreate(path, passphrase);
    java.util.Arrays.fill(passphrase, '\0');
    LOG.infof("key store opened: %s", path);
    return store;
  }

  static char[] passphrase(CryptoConfig config, Path keyStorePath) {
    if (config.keystorePassphrase().isPresent() && !config.keystorePassphrase().get().isEmpty()) {
      return config.keystorePassphrase().get().toCharArray();
    }
    try {
      if (config.keystorePassphraseFile().isPresent()) {
        Path file = Path.of(config.keystorePassphraseFile().get());
        if (!Files.isReadable(file)) {
          throw new IllegalStateException(
              "mdt.crypto.keystore-passphrase-file is set but the file is not readable");
        }
        return read(file);
      }
      Path file = keyStorePath.getParent().resolve(DEFAULT_PASSPHRASE_FILE);
      if (Files.exists(file)) {
        return read(file);
      }
      if (Files.exists(keyStorePath)) {
        throw new IllegalStateException(
            "the key store exists but no passphrase is configured"
                + " (mdt.crypto.keystore-passphrase or mdt.crypto.keystore-passphrase-file)");
      }
      return generate(file);
    } catch (IOException e) {
      throw new IllegalStateException("key store passphrase could not be read", e);
    }
  }

  private static char[] read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      throw new IllegalStateException("the key store passphrase file is empty");
    }
    return text.toCharArray();
  }

  private static char[] generate(Path file) throws IOException {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String passphrase = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Path directory = file.getParent();
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(directory)) {
      if (posix) {
        Files.createDirectories(
            directory,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
      } else {
        Files.createDirectories(directory);
      }
    }
    if (posix) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
    Files.writeString(file, passphrase + "\n", StandardCharsets.UTF_8);
    LOG.warnf(
        "generated a key store passphrase file at %s (embedded default); production must supply"
            + " mdt.crypto.keystore-passphrase-file from a secret store and back it up",
        file);
    return passphrase.toCharArray();
  }
}
