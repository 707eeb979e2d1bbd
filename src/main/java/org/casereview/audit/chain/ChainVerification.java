package org.casereview.audit.chain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.casereview.crypto.AuditSigner;
import org.casereview.crypto.SignatureVerifier;

/** Verifies the chain in the service's database against the service's own public key. */
@ApplicationScoped
public class ChainVerification {

  private final AgroalDataSource dataSource;
  private final AuditSigner signer;
  private final SignatureVerifier signatures;

  public ChainVerification(
      AgroalDataSource dataSource, AuditSigner signer, SignatureVerifier signatures) {
    this.dataSource = dataSource;
    this.signer = signer;
    this.signatures = signatures;
  }

  /** Verifies positions {@code from..to} ({@code to} null: to the head). */
  public VerificationReport verify(long from, Long to) throws SQLException {
    ChainVerifier verifier = new ChainVerifier(signatures, signer.keyId(), signer.publicKeyX509());
    try (Connection c = dataSource.getConnection();
        Connection helper = dataSource.getConnection()) {
      return verifier.verify(c, helper, from, to);
    }
  }
}
