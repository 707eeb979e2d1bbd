package org.casereview.audit.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import org.casereview.crypto.AuditSigner;

/**
 * Publishes the task force's audit signing public key, with which anyone holding an export can
 * verify its manifest and checkpoints offline. Public by design: it is a public key.
 */
@Path("/api/v1/audit/public-key")
public class AuditKeyResource {

  /** The published key. {@code pem} is the same key as a PEM "PUBLIC KEY" block. */
  public record PublicKey(String keyId, String algorithm, String x509Base64, String pem) {}

  private final AuditSigner signer;

  public AuditKeyResource(AuditSigner signer) {
    this.signer = signer;
  }

  @GET
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  public PublicKey publicKey() {
    byte[] der = signer.publicKeyX509();
    return new PublicKey(
        signer.keyId(), "Ed25519", Base64.getEncoder().encodeToString(der), pem(der));
  }

  /** The key alone, as a PEM file for the offline verifier ({@code --public-key key.pem}). */
  @GET
  @Path("pem")
  @PermitAll
  @Produces("application/x-pem-file")
  public String publicKeyPem() {
    return pem(signer.publicKeyX509());
  }

  static String pem(byte[] der) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(der)
        + "\n-----END PUBLIC KEY-----\n";
  }
}
