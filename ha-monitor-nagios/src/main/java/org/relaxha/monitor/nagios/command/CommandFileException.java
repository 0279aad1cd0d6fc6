package org.relaxha.monitor.nagios.command;

/**
 * A command could not be handed to Nagios: the command file is missing, is not a FIFO, cannot be
 * opened or written, or Nagios did not read it in time. The message names the file and says what to
 * check.
 *
 * <p>Immutable and thread-safe.
 */
public final class CommandFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean unreachable;

  /**
   * @param message what went wrong, naming the file
   * @param unreachable whether Nagios itself seems absent (missing file, nobody reading), as
   *     opposed to a file that is wrong or not writable
   * @param cause the I/O error, if any
   */
  public CommandFileException(String message, boolean unreachable, Throwable cause) {
    super(message, cause);
    this.unreachable = unreachable;
  }

  /** Whether Nagios seems absent rather than misconfigured. */
  public boolean unreachable() {
    return unreachable;
  }
}
