package org.relaxha.monitor.nagios.status;

import org.relaxha.spi.Require;

/**
 * Something wrong in a Nagios file, where it is: the file, the 1-based line (0 for the file as a
 * whole) and what is wrong.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the file as given to the parser
 * @param line the 1-based line, or 0
 * @param message what is wrong
 */
public record ParseProblem(String file, int line, String message) {
  /** Validates every field. */
  public ParseProblem {
    Require.nonNull(file, "file");
    Require.nonNull(message, "message");
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}
