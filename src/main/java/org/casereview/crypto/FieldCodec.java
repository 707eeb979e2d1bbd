package org.casereview.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Seals and opens confidential field values. Each value is AES-256-GCM under its subject's data key
 * with associated data = format header + subject + table + column + row, so a ciphertext copied to
 * another row, column or subject does not open (ADR 0002).
 */
@ApplicationScoped
public class FieldCodec {

  private final SubjectKeyRings rings;

  @Inject
  public FieldCodec(SubjectKeyRings rings) {
    this.rings = rings;
  }

  /**
   * Encrypts one field value under the subject's data key (created on first use), bound to its
   * place. null -> null.
   */
  public byte[] seal(UUID subjectId, FieldPlace place, String plaintext) {
    if (plaintext == null) {
      return null;
    }
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(place, "place");
    return sealWith(rings.forSealing(subjectId), place, plaintext.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decrypts; throws DecryptionFailedException (message exactly "decryption failed") on any
   * failure, incl. shredded subject. null -> null.
   */
  public String open(UUID subjectId, FieldPlace place, byte[] ciphertext) {
    if (ciphertext == null) {
      return null;
    }
    if (subjectId == null || place == null) {
      throw new DecryptionFailedException();
    }
    int keyVersion = AesGcmAead.keyVersionOf(ciphertext);
    return new String(
        openWith(rings.forOpening(subjectId, keyVersion), place, ciphertext),
        StandardCharsets.UTF_8);
  }

  static byte[] sealWith(SubjectKeyRing ring, FieldPlace place, byte[] plaintext) {
    DataKey key =
        ring.primary()
            .orElseThrow(() -> new IllegalStateException("the subject's data key is unavailable"));
    return key.aead().encrypt(plaintext, associatedData(ring.subjectId(), place));
  }

  static byte[] openWith(SubjectKeyRing ring, FieldPlace place, byte[] ciphertext) {
    DataKey key =
        ring.version(AesGcmAead.keyVersionOf(ciphertext))
            .orElseThrow(DecryptionFailedException::new);
    return key.aead().decrypt(ciphertext, associatedData(ring.subjectId(), place));
  }

  /** Length-prefixed, so ("ab","c") and ("a","bc") never produce the same bytes. */
  static byte[] associatedData(UUID subjectId, FieldPlace place) {
    byte[] table = place.table().getBytes(StandardCharsets.UTF_8);
    byte[] column = place.column().getBytes(StandardCharsets.UTF_8);
    if (table.length > 0xFFFF || column.length > 0xFFFF) {
      throw new IllegalArgumentException("table or column name too long");
    }
    ByteBuffer buffer = ByteBuffer.allocate(16 + 2 + table.length + 2 + column.length + 16);
    buffer.putLong(subjectId.getMostSignificantBits()).putLong(subjectId.getLeastSignificantBits());
    buffer.putShort((short) table.length).put(table);
    buffer.putShort((short) column.length).put(column);
    UUID rowId = place.rowId();
    buffer.putLong(rowId.getMostSignificantBits()).putLong(rowId.getLeastSignificantBits());
    return buffer.array();
  }
}
