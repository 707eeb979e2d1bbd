package org.casereview.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.casereview.testing.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FieldCodecTest {

  @Inject FieldCodec codec;
  @Inject SubjectKeys subjectKeys;
  @Inject DataKeyCache cache;
  @Inject TestFieldStore store;
  @Inject RecordedKeyEvents events;

  private static final String NAME = "PLAINTEXT-MARKER-crypto-legal-name Jane Roe";

  private static FieldPlace place(String column) {
    return new FieldPlace("subject", column, UUID.randomUUID());
  }

  private static void assertRefused(Runnable open) {
    DecryptionFailedException e = assertThrows(DecryptionFailedException.class, open::run);
    assertEquals("decryption failed", e.getMessage());
    assertNull(e.getCause());
  }

  @Test
  void sealedValue_opensAtItsOwnPlace_andHoldsNoPlaintext() {
    UUID subject = UUID.randomUUID();
    FieldPlace place = place("legal_name");

    byte[] sealed = codec.seal(subject, place, NAME);

    assertEquals(NAME, codec.open(subject, place, sealed));
    assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("PLAINTEXT-MARKER"));
    assertNull(codec.seal(subject, place, null));
    assertNull(codec.open(subject, place, null));
  }

  @Test
  void sameValueSealedTwice_givesDifferentCiphertexts() {
    UUID subject = UUID.randomUUID();
    FieldPlace place = place("legal_name");

    assertFalse(
        java.util.Arrays.equals(
            codec.seal(subject, place, NAME), codec.seal(subject, place, NAME)));
  }

  @Test
  void ciphertextMovedToAnotherRow_doesNotOpen() {
    UUID subject = UUID.randomUUID();
    FieldPlace place = place("legal_name");
    byte[] sealed = codec.seal(subject, place, NAME);

    FieldPlace otherRow = new FieldPlace(place.table(), place.column(), UUID.randomUUID());

    assertRefused(() -> codec.open(subject, otherRow, sealed));
  }

  @Test
  void ciphertextMovedToAnotherColumn_doesNotOpen() {
    UUID subject = UUID.randomUUID();
    FieldPlace place = place("legal_name");
    byte[] sealed = codec.seal(subject, place, NAME);

    FieldPlace otherColumn = new FieldPlace(place.table(), "aliases", place.rowId());
    FieldPlace otherTable = new FieldPlace("referral", place.column(), place.rowId());

    assertRefused(() -> codec.open(subject, otherColumn, sealed));
    assertRefused(() -> codec.open(subject, otherTable, sealed));
  }

  @Test
  void ciphertextMovedToAnotherSubject_doesNotOpen() {
    UUID subject = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    FieldPlace place = place("legal_name");
    byte[] sealed = codec.seal(subject, place, NAME);
    codec.seal(other, place, "another youth");

    assertRefused(() -> codec.open(other, place, sealed));
  }

  @Test
  void anyTamperedByte_doesNotOpen() {
    UUID subject = UUID.randomUUID();
    FieldPlace place = place("narrative");
    byte[] sealed = codec.seal(subject, place, NAME);

    for (int i = 0; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x01;
      assertRefused(() -> codec.open(subject, place, tampered));
    }
    assertRefused(
        () -> codec.open(subject, place, java.util.Arrays.copyOf(sealed, sealed.length - 1)));
    assertRefused(() -> codec.open(subject, place, new byte[0]));
    assertEquals(NAME, codec.open(subject, place, sealed));
  }

  @Test
  void shreddedSubject_doesNotOpen_evenWithTheKeyCachedBefore() {
    UUID subject = UUID.randomUUID();
    FieldPlace place = store.write(subject, UUID.randomUUID(), "legal_name", NAME);
    assertEquals(NAME, store.read(subject, place));
    assertTrue(cache.contains(subject), "the read warmed the cache");

    subjectKeys.shred(subject);

    assertFalse(cache.contains(subject), "the cache no longer holds the key");
    assertTrue(subjectKeys.isShredded(subject));
    assertRefused(() -> store.read(subject, place));
    assertFalse(cache.contains(subject), "a failed load caches nothing");
    assertThrows(SubjectShreddedException.class, () -> codec.seal(subject, place, NAME));
    subjectKeys.create(subject);
    assertRefused(() -> store.read(subject, place));
    assertTrue(events.shredded().stream().anyMatch(e -> e.subjectId().equals(subject)));
  }

  @Test
  void shreddedSubject_leavesNoWrappedKeyInTheDatabase() throws Exception {
    UUID subject = UUID.randomUUID();
    store.write(subject, UUID.randomUUID(), "legal_name", NAME);

    subjectKeys.shred(subject);

    try (Connection c = PostgresResource.database().superuserConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FILTER (WHERE wrapped_key IS NOT NULL),"
                    + " count(*) FILTER (WHERE shredded_at IS NOT NULL)"
                    + " FROM subject_key WHERE subject_id = ?")) {
      s.setObject(1, subject);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        assertEquals(0, rs.getLong(1));
        assertEquals(1, rs.getLong(2));
      }
    }
  }

  @Test
  void shreddingASubjectWithoutKey_preventsAKeyFromBeingCreatedLater() {
    UUID subject = UUID.randomUUID();

    subjectKeys.shred(subject);

    assertTrue(subjectKeys.isShredded(subject));
    assertThrows(
        SubjectShreddedException.class, () -> codec.seal(subject, place("legal_name"), NAME));
  }

  @Test
  void dataKeyRotation_reencryptsEveryFieldOfTheSubject_andDestroysOlderVersions()
      throws Exception {
    UUID subject = UUID.randomUUID();
    UUID bystander = UUID.randomUUID();
    FieldPlace name = store.write(subject, UUID.randomUUID(), "legal_name", NAME);
    FieldPlace alias = store.write(subject, UUID.randomUUID(), "alias", "PLAINTEXT-MARKER alias");
    FieldPlace other = store.write(bystander, UUID.randomUUID(), "legal_name", "bystander");
    byte[] before = store.readRaw(name);
    byte[] bystanderBefore = store.readRaw(other);

    assertEquals(2, subjectKeys.rotateDataKey(subject));

    byte[] after = store.readRaw(name);
    assertFalse(java.util.Arrays.equals(before, after));
    assertEquals(2, AesGcmAead.keyVersionOf(after));
    assertEquals(2, AesGcmAead.keyVersionOf(store.readRaw(alias)));
    assertArrayEquals(bystanderBefore, store.readRaw(other));
    assertEquals(NAME, store.read(subject, name));
    assertEquals("PLAINTEXT-MARKER alias", store.read(subject, alias));
    // the previous version stays alive for writes that raced the rotation
    assertEquals(NAME, codec.open(subject, name, before));

    assertEquals(3, subjectKeys.rotateDataKey(subject));

    assertEquals(NAME, store.read(subject, name));
    assertRefused(() -> codec.open(subject, name, before));
    assertTrue(
        events.rotated().stream()
            .anyMatch(
                e ->
                    e.kind() == KeyRotated.Kind.DATA_KEY_ROTATED && subject.equals(e.subjectId())));
  }
}
