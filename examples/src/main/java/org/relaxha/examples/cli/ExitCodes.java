package org.relaxha.examples.cli;

/**
 * The launcher's exit codes.
 *
 * <p>Constants only; thread-safe.
 */
public final class ExitCodes {
  /** Everything went well. */
  public static final int OK = 0;

  /** Something failed at run time (or the command is not wired yet). */
  public static final int FAILURE = 1;

  /** The command line or the configuration is wrong: fix it and try again. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
