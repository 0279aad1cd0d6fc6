package org.relaxha.monitor.nagios.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code status.dat} into a {@link StatusSnapshot}, streaming: the file is opened once (so a
 * Nagios that renames a new file into place meanwhile does not disturb the read) and parsed block
 * by block.
 *
 * <p>Stateless and thread-safe.
 */
public final class StatusReader {
  private StatusReader() {}

  /**
   * Reads the objects {@code interest} wants from {@code file}.
   *
   * @throws IOException if the file cannot be opened or read (the message names it)
   */
  public static StatusSnapshot read(Path file, Interest interest) throws IOException {
    SnapshotCollector collector = new SnapshotCollector(interest);
    try (InputStream in = Files.newInputStream(file)) {
      ParseReport report = BlockParser.parse(in, file.toString(), Syntax.STATUS, collector);
      return collector.snapshot(report);
    }
  }
}
