package org.casereview.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The PostgreSQL server binaries that zonky unpacks, once per machine, into {@code
 * <java.io.tmpdir>/embedded-pg/PG-<hash>} (or the directory {@code ot.epg.working-dir} names). It
 * marks a finished unpack with a file {@code .exists} and holds a lock on {@code epg-lock} while it
 * unpacks.
 *
 * <p>Two ways an unpack goes wrong, both handled here. A JVM with a small heap cannot unpack at all
 * (zonky holds the whole archive and the XZ dictionary in memory, more than 64 MB): the chain
 * benchmark's fork is such a JVM, so the benchmark launcher unpacks first ({@link #unpack()}). And
 * an unpack that fails or is killed midway leaves a directory without its marker, on which every
 * later unpack fails (it cannot create the links that are already there): {@link
 * #removeHalfUnpacked()} removes it before a server starts.
 */
public final class PostgresBinaries {

  private static final String READY_MARKER = ".exists";
  private static final String UNPACK_LOCK = "epg-lock";

  private PostgresBinaries() {}

  /** Where zonky keeps its unpacked binaries. */
  static Path workingDirectory() {
    String tmp = System.getProperty("java.io.tmpdir");
    return Path.of(
        System.getProperty("ot.epg.working-dir", Path.of(tmp, "embedded-pg").toString()));
  }

  /**
   * Unpacks the binaries in this JVM, if they are not unpacked yet, by starting and stopping a
   * throw-away server (zonky unpacks only on the way to a start). Takes a few seconds.
   */
  public static void unpack() {
    removeHalfUnpacked();
    try (EmbeddedPostgres throwAway = EmbeddedPostgres.builder().start()) {
      // started, so unpacked; closing removes its data directory
    } catch (IOException e) {
      throw new UncheckedIOException("unpacking the PostgreSQL binaries failed", e);
    }
  }

  /**
   * Removes every binaries directory that has no ready marker and that no JVM is unpacking into
   * (its unpack lock can be taken). What it removes is unpacked again on the next start.
   */
  public static void removeHalfUnpacked() {
    removeHalfUnpacked(workingDirectory());
  }

  static void removeHalfUnpacked(Path workingDirectory) {
    if (!Files.isDirectory(workingDirectory)) {
      return;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(workingDirectory, "PG-*")) {
      for (Path dir : dirs) {
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(READY_MARKER))) {
          removeUnlessLocked(dir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cleaning the PostgreSQL binaries directory failed", e);
    }
  }

  private static void removeUnlessLocked(Path dir) throws IOException {
    Path lockFile = dir.resolve(UNPACK_LOCK);
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel)) {
      if (lock == null) {
        return; // another JVM is unpacking here right now
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
          if (!p.equals(lockFile) && !p.equals(dir)) {
            Files.delete(p);
          }
        }
      }
    }
    // The lock is released; now the lock file and the directory itself, unless a JVM began to
    // unpack into it meanwhile (then it is that JVM's again).
    try {
      Files.deleteIfExists(lockFile);
      Files.deleteIfExists(dir);
    } catch (DirectoryNotEmptyException unpackingAgain) {
      // left to the JVM that is unpacking
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldInThisJvm) {
      return null;
    }
  }
}
