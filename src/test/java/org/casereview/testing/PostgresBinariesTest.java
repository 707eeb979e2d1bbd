package org.casereview.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

  @TempDir Path work;

  /** A binaries directory as an unpack killed midway leaves it: files and links, no marker. */
  private Path halfUnpacked(String name) throws Exception {
    Path dir = Files.createDirectories(work.resolve(name).resolve("lib"));
    Files.writeString(dir.resolve("libicuuc.so.60.2"), "binary");
    Files.createSymbolicLink(dir.resolve("libicuuc.so"), Path.of("libicuuc.so.60.2"));
    return dir.getParent();
  }

  @Test
  void aHalfUnpackedDirectoryIsRemovedAndAFinishedOneKept() throws Exception {
    Path half = halfUnpacked("PG-half");
    Path done = halfUnpacked("PG-done");
    Files.createFile(done.resolve(".exists"));
    Path other = Files.createDirectories(work.resolve("not-binaries"));

    PostgresBinaries.removeHalfUnpacked(work);

    assertFalse(Files.exists(half), "half-unpacked directory removed");
    assertTrue(Files.exists(done.resolve("lib/libicuuc.so.60.2")), "finished unpack kept");
    assertTrue(Files.isSymbolicLink(done.resolve("lib/libicuuc.so")), "its links kept");
    assertTrue(Files.exists(other), "only PG-* directories are zonky's");
  }

  @Test
  void aDirectoryBeingUnpackedIsLeftAlone() throws Exception {
    Path busy = halfUnpacked("PG-busy");
    try (FileChannel channel =
            FileChannel.open(
                busy.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock unpacking = channel.lock()) {
      PostgresBinaries.removeHalfUnpacked(work);
      assertTrue(Files.exists(busy.resolve("lib/libicuuc.so.60.2")), "the unpacker's files kept");
    }
    PostgresBinaries.removeHalfUnpacked(work);
    assertFalse(Files.exists(busy), "removed once the unpacker let go of it");
  }

  @Test
  void noWorkingDirectoryIsNothingToDo() {
    PostgresBinaries.removeHalfUnpacked(work.resolve("absent"));
    assertFalse(Files.exists(work.resolve("absent")));
  }
}
