package org.casereview.audit.offline;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;

/**
 * The jar's entry point. {@code verify-export ...} runs the offline export verifier without
 * starting the service (no database, no configuration); anything else starts the service as the
 * default Quarkus main would.
 */
@QuarkusMain
public final class ServiceMain {

  private ServiceMain() {}

  public static void main(String... args) {
    if (args.length > 0 && "verify-export".equals(args[0])) {
      int status;
      try {
        status =
            AuditCli.verifyExport(
                Arrays.copyOfRange(args, 1, args.length),
                System.out,
                System.err,
                AuditCli.defaultVerifier());
      } catch (IllegalStateException e) {
        System.err.println(e.getMessage());
        status = 2;
      }
      System.exit(status);
      return;
    }
    Quarkus.run(args);
  }
}
