package org.relaxha.core.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** File operations that survive a crash when {@code fsync} is on. */
final class DurableFiles {
  private DurableFiles() {}

  /** Forces a directory, so that files created, renamed or deleted in it stay so after a crash. */
  static void forceDirectory(Path dir, boolean fsync) throws IOException {
    if (!fsync) {
      return;
    }
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (AccessDeniedException e) {
      // Windows cannot open a directory; its file system orders metadata updates itself.
    }
  }

  /** A name for a side file: {@code file + suffix}, or with {@code -1}, {@code -2}... if taken. */
  static Path sideFile(Path file, String suffix) {
    Path candidate = file.resolveSibling(file.getFileName() + suffix);
    for (int i = 1; Files.exists(candidate); i++) {
      candidate = file.resolveSibling(file.getFileName() + suffix + "-" + i);
    }
    return candidate;
  }

  /** Renames {@code file} to a side file and returns its new path. */
  static Path moveAside(Path file, String suffix, boolean fsync) throws IOException {
    Path side = sideFile(file, suffix);
    Files.move(file, side, StandardCopyOption.ATOMIC_MOVE);
    forceDirectory(file.getParent(), fsync);
    return side;
  }

  /**
   * Copies the bytes of {@code file} from {@code offset} to its end into a new side file, makes the
   * copy durable, then truncates {@code file} at {@code offset}. Nothing is lost if the process
   * dies in between: the bytes are in the side file before they leave the segment.
   *
   * @return the side file
   */
  static Path cutTail(Path file, long offset, String suffix, boolean fsync) throws IOException {
    Path side = sideFile(file, suffix);
    try (FileChannel source =
            FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileChannel target =
            FileChannel.open(side, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long size = source.size();
      long at = offset;
      while (at < size) {
        at += source.transferTo(at, size - at, target);
      }
      if (fsync) {
        target.force(true);
      }
      forceDirectory(file.getParent(), fsync);
      source.truncate(offset);
      if (fsync) {
        source.force(true);
      }
    }
    return side;
  }
}
