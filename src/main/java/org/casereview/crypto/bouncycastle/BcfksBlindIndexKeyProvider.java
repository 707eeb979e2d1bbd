package org.casereview.crypto.bouncycastle;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.casereview.crypto.BlindIndexKeyProvider;

/** The blind-index HMAC key from the BCFKS key store; HMAC itself is the JDK's. */
@ApplicationScoped
@DefaultBean
public class BcfksBlindIndexKeyProvider implements BlindIndexKeyProvider {

  private final SecretKey key;

  @Inject
  public BcfksBlindIndexKeyProvider(BcfksKeyStore keyStore) {
    this.key = new SecretKeySpec(keyStore.blindIndexKey().getEncoded(), "HmacSHA256");
  }

  @Override
  public Mac newBlindIndexMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available");
    }
  }

  @Override
  public String toString() {
    return "BcfksBlindIndexKeyProvider[]";
  }
}
