package org.casereview.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Stops a postgres left running by a JVM that was killed, using the pid in its data directory. */
final class OrphanedPostgres {

  private OrphanedPostgres() {}

  static void stopIfRunning(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return;
    }
    long pid = Long.parseLong(lines.get(0).trim());
    ProcessHandle.of(pid)
        .ifPresent(
            process -> {
              process.destroy(); // SIGTERM: smart shutdown
              try {
                process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
              } catch (Exception e) {
                process.destroyForcibly();
              }
            });
    Files.deleteIfExists(pidFile);
  }
}
