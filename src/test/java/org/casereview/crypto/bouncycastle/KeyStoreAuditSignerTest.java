package org.casereview.crypto.bouncycastle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.casereview.crypto.SignatureVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreAuditSignerTest {

  private static final char[] PASSPHRASE = "signer-test-passphrase".toCharArray();
  private static final byte[] MESSAGE =
      "checkpoint 42: 9f86d081884c7d659a2feaa0c55ad015".getBytes(StandardCharsets.UTF_8);

  @TempDir Path directory;

  private final SignatureVerifier verifier = new Ed25519SignatureVerifier();

  private KeyStoreAuditSigner signer(String name) {
    return new KeyStoreAuditSigner(
        BcfksKeyStore.openOrCreate(directory.resolve(name).resolve("keys.bcfks"), PASSPHRASE));
  }

  @Test
  void signature_verifiesWithOnlyThePublishedPublicKey() {
    KeyStoreAuditSigner signer = signer("a");
    byte[] signature = signer.sign(MESSAGE);

    assertEquals(64, signature.length);
    assertTrue(verifier.verify(signer.publicKeyX509(), MESSAGE, signature));
  }

  @Test
  void tamperedMessage_doesNotVerify() {
    KeyStoreAuditSigner signer = signer("a");
    byte[] signature = signer.sign(MESSAGE);
    byte[] tampered = MESSAGE.clone();
    tampered[3] ^= 1;

    assertFalse(verifier.verify(signer.publicKeyX509(), tampered, signature));
  }

  @Test
  void tamperedSignature_doesNotVerify() {
    KeyStoreAuditSigner signer = signer("a");
    byte[] signature = signer.sign(MESSAGE);
    signature[10] ^= 1;

    assertFalse(verifier.verify(signer.publicKeyX509(), MESSAGE, signature));
  }

  @Test
  void signatureUnderAnotherTaskForcesKey_doesNotVerify() {
    KeyStoreAuditSigner ours = signer("a");
    KeyStoreAuditSigner theirs = signer("b");

    assertNotEquals(ours.keyId(), theirs.keyId());
    assertFalse(verifier.verify(ours.publicKeyX509(), MESSAGE, theirs.sign(MESSAGE)));
  }

  @Test
  void malformedOrMissingInput_isRefusedWithoutThrowing() {
    KeyStoreAuditSigner signer = signer("a");
    byte[] signature = signer.sign(MESSAGE);

    assertFalse(verifier.verify(new byte[] {1, 2, 3}, MESSAGE, signature));
    assertFalse(verifier.verify(null, MESSAGE, signature));
    assertFalse(verifier.verify(signer.publicKeyX509(), null, signature));
    assertFalse(verifier.verify(signer.publicKeyX509(), MESSAGE, new byte[63]));
  }

  @Test
  void signingKey_isTheSameAfterTheKeyStoreIsReopened() {
    KeyStoreAuditSigner first = signer("a");
    KeyStoreAuditSigner reopened = signer("a");

    assertEquals(first.keyId(), reopened.keyId());
    assertTrue(verifier.verify(first.publicKeyX509(), MESSAGE, reopened.sign(MESSAGE)));
  }
}
