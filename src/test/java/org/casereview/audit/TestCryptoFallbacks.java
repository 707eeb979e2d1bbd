package org.casereview.audit;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.casereview.crypto.AuditSigner;
import org.casereview.crypto.SignatureVerifier;

/**
 * TEST FALLBACK ONLY, until the crypto branch (BCFKS-backed AuditSigner, Bouncy Castle
 * Ed25519SignatureVerifier) is merged: {@code @DefaultBean}, so any real bean replaces these.
 */
@ApplicationScoped
public class TestCryptoFallbacks {

  @Produces
  @DefaultBean
  @ApplicationScoped
  AuditSigner testAuditSigner() {
    return JdkEd25519.newSigner();
  }

  @Produces
  @DefaultBean
  @ApplicationScoped
  SignatureVerifier testSignatureVerifier() {
    return JdkEd25519.verifier();
  }
}
