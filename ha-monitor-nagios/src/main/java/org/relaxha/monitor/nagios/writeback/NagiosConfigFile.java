package org.relaxha.monitor.nagios.writeback;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads single settings from the main {@code nagios.cfg} ({@code key=value} lines), e.g. where
 * Nagios writes its object cache.
 *
 * <p>Stateless and thread-safe.
 */
public final class NagiosConfigFile {
  private NagiosConfigFile() {}

  /** The last value of {@code key} in {@code config}, if set. */
  public static Optional<String> value(Path config, String key) throws IOException {
    String found = null;
    try (BufferedReader in = Files.newBufferedReader(config, StandardCharsets.ISO_8859_1)) {
      String line;
      while ((line = in.readLine()) != null) {
        String trimmed = line.strip();
        if (trimmed.startsWith(key + "=")) {
          found = trimmed.substring(key.length() + 1).strip();
        }
      }
    }
    return Optional.ofNullable(found).filter(v -> !v.isEmpty());
  }
}
