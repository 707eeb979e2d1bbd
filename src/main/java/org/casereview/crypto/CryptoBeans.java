package org.casereview.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one data-key cache of this process. */
@ApplicationScoped
public class CryptoBeans {

  @Produces
  @Singleton
  DataKeyCache dataKeyCache(CryptoConfig config) {
    return new DataKeyCache(config.dataKeyCacheMaxEntries(), config.dataKeyCacheTtl());
  }
}
