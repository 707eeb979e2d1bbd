package org.casereview.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** TRANSITIONAL: replaced by the envelope-key implementation of the crypto branch. */
@ApplicationScoped
public class FieldCodec {

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  public FieldCodec() {
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256);
      key = generator.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no AES", e);
    }
  }

  public byte[] seal(UUID subjectId, FieldPlace place, String plaintext) {
    if (plaintext == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[12];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(aad(subjectId, place));
      byte[] ct = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[12 + ct.length];
      System.arraycopy(nonce, 0, out, 0, 12);
      System.arraycopy(ct, 0, out, 12, ct.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed");
    }
  }

  public String open(UUID subjectId, FieldPlace place, byte[] sealed) {
    if (sealed == null) {
      return null;
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
      cipher.updateAAD(aad(subjectId, place));
      return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new DecryptionFailedException();
    }
  }

  private static byte[] aad(UUID subjectId, FieldPlace place) {
    return (subjectId + "|" + place.table() + "|" + place.column() + "|" + place.rowId())
        .getBytes(StandardCharsets.UTF_8);
  }
}
