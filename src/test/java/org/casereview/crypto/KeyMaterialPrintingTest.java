package org.casereview.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Key material must never reach a log line through toString() or an exception. */
class KeyMaterialPrintingTest {

  private static void assertNoMaterial(String printed, byte[] key) {
    String hex = HexFormat.of().formatHex(key);
    assertFalse(printed.contains(hex), printed);
    assertFalse(printed.toLowerCase().contains(hex.substring(0, 16)), printed);
    assertFalse(printed.contains(Base64.getEncoder().encodeToString(key)), printed);
    assertFalse(
        printed.contains(Base64.getEncoder().encodeToString(key).substring(0, 12)), printed);
  }

  @Test
  void toStringOfKeyObjects_printsNoKeyMaterial() {
    UUID subject = UUID.randomUUID();
    DataKey key = DataKey.generate(subject, 3);
    byte[] raw = key.bytesForWrapping();
    SubjectKeyRing ring = new SubjectKeyRing(subject, 3, List.of(key));
    DataKeyCache cache = new DataKeyCache(10, Duration.ofMinutes(1));
    cache.get(subject, id -> ring);
    KeyEncryptionKeys.WrappedKey wrapped = new KeyEncryptionKeys.WrappedKey("kek-1", raw);

    String printed =
        String.join(
            " ",
            key.toString(),
            ring.toString(),
            key.aead().toString(),
            cache.toString(),
            wrapped.toString());

    assertNoMaterial(printed, raw);
    assertEquals("DataKey[subject=" + subject + ", version=3]", key.toString());
  }

  @Test
  void decryptionFailure_carriesNoDetailAndNoCause() {
    DataKey key = DataKey.generate(UUID.randomUUID(), 1);
    byte[] sealed = key.aead().encrypt(new byte[] {1, 2, 3}, new byte[] {9});

    DecryptionFailedException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            DecryptionFailedException.class, () -> key.aead().decrypt(sealed, new byte[] {8}));

    assertEquals("decryption failed", e.getMessage());
    assertEquals(null, e.getCause());
    assertNoMaterial(e.toString(), key.bytesForWrapping());
  }

  @Test
  void invalidationDuringALoad_doesNotCacheTheLoadedKey() {
    UUID subject = UUID.randomUUID();
    DataKeyCache cache = new DataKeyCache(10, Duration.ofMinutes(1));
    SubjectKeyRing ring = new SubjectKeyRing(subject, 1, List.of(DataKey.generate(subject, 1)));

    cache.get(
        subject,
        id -> {
          cache.invalidate(id); // a shred committed while this load was reading the old row
          return ring;
        });

    assertFalse(cache.contains(subject));
  }

  @Test
  void cache_staysWithinItsBound() {
    DataKeyCache cache = new DataKeyCache(3, Duration.ofMinutes(1));
    for (int i = 0; i < 10; i++) {
      UUID subject = UUID.randomUUID();
      cache.get(subject, id -> new SubjectKeyRing(id, 1, List.of(DataKey.generate(id, 1))));
    }
    assertEquals(3, cache.size());
  }
}
