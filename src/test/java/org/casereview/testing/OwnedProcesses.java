package org.casereview.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A pid file of child processes, each line {@code OWNER_JVM_PID CHILD_PID}. A JVM killed with
 * SIGKILL runs no shutdown hook, so its children (Keycloak, the service) keep their ports; the next
 * start reads the file and stops the children whose owner is gone.
 */
public final class OwnedProcesses {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private OwnedProcesses() {}

  /** Records processes as children of this JVM. */
  public static void record(Path pidFile, List<ProcessHandle> processes) {
    long owner = ProcessHandle.current().pid();
    StringBuilder lines = new StringBuilder();
    processes.forEach(p -> lines.append(owner).append(' ').append(p.pid()).append('\n'));
    try {
      Files.createDirectories(pidFile.toAbsolutePath().getParent());
      Files.writeString(
          pidFile,
          lines,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stops the recorded processes whose owning JVM is gone. A pid is signalled only if its command
   * line still contains {@code commandLineMarker}, so a recycled pid is left alone.
   */
  public static void stopOrphans(Path pidFile, String commandLineMarker) {
    if (!Files.exists(pidFile)) {
      return;
    }
    try {
      List<String> kept = new ArrayList<>();
      for (String line : Files.readAllLines(pidFile)) {
        String[] pids = line.trim().split("\\s+");
        if (pids.length != 2) {
          continue;
        }
        if (ProcessHandle.of(Long.parseLong(pids[0])).map(ProcessHandle::isAlive).orElse(false)) {
          kept.add(line);
          continue;
        }
        Optional<ProcessHandle> child = ProcessHandle.of(Long.parseLong(pids[1]));
        child
            .filter(ProcessHandle::isAlive)
            .filter(p -> p.info().commandLine().orElse("").contains(commandLineMarker))
            .ifPresent(
                p -> {
                  System.err.println(
                      "Stopping process " + p.pid() + " left behind by a killed launcher");
                  stop(p);
                });
      }
      Files.write(pidFile, kept, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Forgets the processes this JVM recorded (they were stopped normally). */
  public static void forget(Path pidFile) {
    long owner = ProcessHandle.current().pid();
    try {
      if (Files.exists(pidFile)) {
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(pidFile)) {
          if (!line.startsWith(owner + " ")) {
            kept.add(line);
          }
        }
        Files.write(pidFile, kept, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      // advisory only: stale lines are skipped by the owner check
    }
  }

  /** SIGTERM to the process and then its descendants; SIGKILL after 30 s. */
  public static void stop(ProcessHandle process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    terminate(process);
    for (ProcessHandle d : descendants) {
      if (d.isAlive()) {
        terminate(d);
      }
    }
  }

  private static void terminate(ProcessHandle process) {
    process.destroy();
    try {
      process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
    }
  }
}
