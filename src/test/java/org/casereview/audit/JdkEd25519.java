package org.casereview.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import org.casereview.crypto.AuditSigner;
import org.casereview.crypto.SignatureVerifier;

/**
 * TEST ONLY: Ed25519 with the JDK's own provider, independent of the crypto package. The benchmarks
 * sign checkpoints with it (no key store there), and the export tests verify with it as a third
 * party would, with a verifier that shares no code with the service's signer.
 */
public final class JdkEd25519 {

  private JdkEd25519() {}

  /** A signer holding a fresh in-memory key pair. */
  public static AuditSigner newSigner() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      byte[] publicKey = pair.getPublic().getEncoded();
      String keyId =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey))
              .substring(0, 16);
      return new AuditSigner() {
        @Override
        public String keyId() {
          return keyId;
        }

        @Override
        public byte[] publicKeyX509() {
          return publicKey.clone();
        }

        @Override
        public byte[] sign(byte[] message) {
          try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(pair.getPrivate());
            s.update(message);
            return s.sign();
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
          }
        }
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no Ed25519 in this JDK", e);
    }
  }

  /** A verifier that needs nothing but the public key. */
  public static SignatureVerifier verifier() {
    return (publicKeyX509, message, signature) -> {
      try {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(
            KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(publicKeyX509)));
        s.update(message);
        return s.verify(signature);
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        return false;
      }
    };
  }
}
