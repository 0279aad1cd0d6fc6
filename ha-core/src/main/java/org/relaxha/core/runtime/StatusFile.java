package org.relaxha.core.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the rendered status to a file (atomically: temp file then rename) so that {@code relaxha
 * status} can show a running controller from its state directory. Thread-safe.
 */
final class StatusFile {
  private static final Logger LOG = LoggerFactory.getLogger(StatusFile.class);
  private final Path file;
  private boolean warned;

  StatusFile(Path file) {
    this.file = file;
  }

  synchronized void write(String text) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      warned = false;
    } catch (IOException e) {
      if (!warned) {
        LOG.warn("cannot write the status file {}: {}", file, e.toString());
        warned = true;
      }
    }
  }
}
