package org.casereview.audit.offline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.casereview.crypto.SignatureVerifier;

/**
 * {@code verify-export FILE MANIFEST PUBLIC_KEY}: the offline verifier's command line. Exit status
 * 0 when the export is intact, 1 on any tampering or invalid signature, 2 on a usage or read error.
 */
public final class AuditCli {

  /** The Bouncy Castle verifier of the crypto package; loaded by name to keep this CDI-free. */
  static final String VERIFIER_CLASS =
      "org.casereview.crypto.bouncycastle.Ed25519SignatureVerifier";

  public static final String USAGE =
      "usage: verify-export <export-file> <manifest.json> <public-key.pem|.der|.json>";

  private AuditCli() {}

  public static int verifyExport(
      String[] args, PrintStream out, PrintStream err, SignatureVerifier signatures) {
    if (args.length != 3) {
      err.println(USAGE);
      return 2;
    }
    try {
      byte[] key = OfflineExportVerifier.readPublicKey(Path.of(args[2]));
      OfflineExportVerifier.Result r =
          new OfflineExportVerifier(signatures).verify(Path.of(args[0]), Path.of(args[1]), key);
      if (r.intact()) {
        out.println("OK: " + r.entries() + " entries verified against the manifest and key");
        return 0;
      }
      err.println("TAMPERED: " + r.problems().size() + " problem(s)");
      r.problems().forEach(p -> err.println("  " + p));
      return 1;
    } catch (IOException | RuntimeException e) {
      err.println("cannot verify: " + e.getClass().getSimpleName());
      return 2;
    }
  }

  /** The production verifier (needs the crypto package on the class path). */
  public static SignatureVerifier defaultVerifier() {
    try {
      return (SignatureVerifier)
          Class.forName(VERIFIER_CLASS).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("no Ed25519 signature verifier on the class path");
    }
  }
}
