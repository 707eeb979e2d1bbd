package org.casereview.crypto.bouncycastle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.HexFormat;
import org.casereview.crypto.AuditSigner;

/** Signs with the Ed25519 key pair kept in the BCFKS key store; the private key stays here. */
@ApplicationScoped
public class KeyStoreAuditSigner implements AuditSigner {

  private final BcfksKeyStore keyStore;
  private final String keyId;

  @Inject
  public KeyStoreAuditSigner(BcfksKeyStore keyStore) {
    this.keyStore = keyStore;
    this.keyId = keyIdOf(keyStore.signingKeyPair().getPublic().getEncoded());
  }

  /** "ed25519:" and the first 16 hex digits of the SHA-256 of the public key: stable, public. */
  static String keyIdOf(byte[] publicKeyX509) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKeyX509);
      return "ed25519:" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String keyId() {
    return keyId;
  }

  @Override
  public byte[] publicKeyX509() {
    return keyStore.signingKeyPair().getPublic().getEncoded();
  }

  @Override
  public byte[] sign(byte[] message) {
    KeyPair pair = keyStore.signingKeyPair();
    try {
      Signature signature = Signature.getInstance("Ed25519", keyStore.provider());
      signature.initSign(pair.getPrivate());
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }

  @Override
  public String toString() {
    return "KeyStoreAuditSigner[keyId=" + keyId + "]";
  }
}
