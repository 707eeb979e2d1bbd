package org.casereview.crypto.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BcfksKeyStoreTest {

  private static final char[] PASSPHRASE = "keystore-test-passphrase".toCharArray();

  @TempDir Path directory;

  @Test
  void newKeyStore_isCreatedOwnerOnlyInAnOwnerOnlyDirectory() throws Exception {
    Path file = directory.resolve("fresh").resolve("keys.bcfks");

    BcfksKeyStore.openOrCreate(file, PASSPHRASE);

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
  }

  @Test
  void addingAKek_keepsTheFileOwnerOnlyAndTheOldKeys() throws Exception {
    Path file = directory.resolve("keys.bcfks");
    BcfksKeyStore store = BcfksKeyStore.openOrCreate(file, PASSPHRASE);
    byte[] firstKek = store.keks().get("kek-1").key().getEncoded();

    store.addKek();
    BcfksKeyStore reopened = BcfksKeyStore.openOrCreate(file, PASSPHRASE);

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(2, reopened.keks().size());
    assertTrue(java.util.Arrays.equals(firstKek, reopened.keks().get("kek-1").key().getEncoded()));
  }

  @Test
  void wrongPassphrase_refusesToOpen() {
    Path file = directory.resolve("keys.bcfks");
    BcfksKeyStore.openOrCreate(file, PASSPHRASE);

    assertThrows(
        IllegalStateException.class,
        () -> BcfksKeyStore.openOrCreate(file, "not-the-passphrase".toCharArray()));
  }

  @Test
  void toString_printsNoKeyMaterial() {
    BcfksKeyStore store = BcfksKeyStore.openOrCreate(directory.resolve("keys.bcfks"), PASSPHRASE);
    String printed = store + " " + store.keks().values();
    for (BcfksKeyStore.KekEntry kek : store.keks().values()) {
      assertFalse(printed.contains(HexFormat.of().formatHex(kek.key().getEncoded())));
      assertFalse(
          printed.contains(java.util.Base64.getEncoder().encodeToString(kek.key().getEncoded())));
    }
    assertFalse(printed.contains(new String(PASSPHRASE)));
    assertFalse(printed.contains(HexFormat.of().formatHex(store.blindIndexKey().getEncoded())));
  }
}
