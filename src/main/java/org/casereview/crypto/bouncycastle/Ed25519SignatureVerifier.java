package org.casereview.crypto.bouncycastle;

import jakarta.enterprise.context.ApplicationScoped;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.casereview.crypto.SignatureVerifier;

/**
 * Ed25519 verification with the Bouncy Castle lightweight API: needs no CDI, database, key store or
 * registered JCA provider, so the offline export verifier can use it with {@code new}.
 */
@ApplicationScoped
public class Ed25519SignatureVerifier implements SignatureVerifier {

  private static final int SIGNATURE_BYTES = 64;

  public Ed25519SignatureVerifier() {}

  @Override
  public boolean verify(byte[] publicKeyX509, byte[] message, byte[] signature) {
    if (publicKeyX509 == null
        || message == null
        || signature == null
        || signature.length != SIGNATURE_BYTES) {
      return false;
    }
    try {
      AsymmetricKeyParameter key = PublicKeyFactory.createKey(publicKeyX509);
      if (!(key instanceof Ed25519PublicKeyParameters)) {
        return false;
      }
      Ed25519Signer verifier = new Ed25519Signer();
      verifier.init(false, key);
      verifier.update(message, 0, message.length);
      return verifier.verifySignature(signature);
    } catch (Exception malformedKey) {
      // A malformed key is simply not a key this signature verifies under.
      return false;
    }
  }
}
