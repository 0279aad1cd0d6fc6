package org.relaxha.examples.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tells whether a controller holds a state directory: the journal keeps an OS lock on its {@code
 * LOCK} file while a controller runs (the lock dies with the process).
 *
 * <p>Stateless and thread-safe.
 */
public final class ControllerLiveness {
  private ControllerLiveness() {}

  /** Whether a live process holds the state directory's lock. */
  public static boolean running(Path stateDirectory) {
    Path lock = stateDirectory.resolve("LOCK");
    if (!Files.exists(lock)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE)) {
      FileLock held = ch.tryLock();
      if (held == null) {
        return true;
      }
      held.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** What the lock file says about its holder ({@code pid N, started ...}), if readable. */
  public static String holder(Path stateDirectory) {
    try {
      return Files.readString(stateDirectory.resolve("LOCK"), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "unknown holder";
    }
  }
}
