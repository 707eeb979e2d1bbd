package org.casereview.crypto.bouncycastle;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.RFC3394WrapEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.casereview.crypto.DecryptionFailedException;
import org.casereview.crypto.KeyEncryptionKeyInfo;
import org.casereview.crypto.KeyEncryptionKeyProvider;

/**
 * The default KEK source: AES-256 keys in the BCFKS key store, data keys wrapped with RFC 3394 AES
 * key wrap (the mechanism PKCS#11 calls CKM_AES_KEY_WRAP, so an HSM can take over the same wrapped
 * keys). Replace by declaring another {@link KeyEncryptionKeyProvider} bean.
 */
@ApplicationScoped
@DefaultBean
public class BcfksKeyEncryptionKeyProvider implements KeyEncryptionKeyProvider {

  private final BcfksKeyStore keyStore;

  @Inject
  public BcfksKeyEncryptionKeyProvider(BcfksKeyStore keyStore) {
    this.keyStore = keyStore;
  }

  @Override
  public List<KeyEncryptionKeyInfo> keys() {
    return keyStore.keks().values().stream()
        .map(k -> new KeyEncryptionKeyInfo(k.id(), k.createdAt()))
        .toList();
  }

  @Override
  public KeyEncryptionKeyInfo createKey() {
    BcfksKeyStore.KekEntry created = keyStore.addKek();
    return new KeyEncryptionKeyInfo(created.id(), created.createdAt());
  }

  @Override
  public void destroyKey(String kekId) {
    keyStore.deleteKek(kekId);
  }

  @Override
  public byte[] wrap(String kekId, byte[] dataKey) {
    RFC3394WrapEngine engine = engine(kekId, true);
    return engine.wrap(dataKey, 0, dataKey.length);
  }

  @Override
  public byte[] unwrap(String kekId, byte[] wrappedKey) {
    BcfksKeyStore.KekEntry kek = keyStore.keks().get(kekId);
    if (kek == null || wrappedKey == null) {
      throw new DecryptionFailedException();
    }
    try {
      RFC3394WrapEngine engine = new RFC3394WrapEngine(AESEngine.newInstance());
      engine.init(false, new KeyParameter(kek.key().getEncoded()));
      return engine.unwrap(wrappedKey, 0, wrappedKey.length);
    } catch (InvalidCipherTextException | RuntimeException e) {
      throw new DecryptionFailedException();
    }
  }

  private RFC3394WrapEngine engine(String kekId, boolean forWrapping) {
    BcfksKeyStore.KekEntry kek = keyStore.keks().get(kekId);
    if (kek == null) {
      throw new IllegalStateException("the key-encryption key is not in the key store");
    }
    RFC3394WrapEngine engine = new RFC3394WrapEngine(AESEngine.newInstance());
    engine.init(forWrapping, new KeyParameter(kek.key().getEncoded()));
    return engine;
  }
}
