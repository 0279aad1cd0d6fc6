package org.relaxha.examples.cli;

/**
 * The seams where the launcher meets the controller ({@code HaController} in ha-core). Everything
 * before these methods is done by the launcher: the command line is parsed, the configuration is
 * loaded and validated, the adapters are created (not started). Wiring a command to the controller
 * means filling in one method here; each returns the process exit code ({@link ExitCodes}).
 *
 * <p>Not wired yet: each method says so and returns {@link ExitCodes#FAILURE}.
 *
 * <p>Stateless and thread-safe; subclasses in tests may record what they were given.
 */
public class ControllerWiring {
  /** What the unwired commands print. */
  public static final String NOT_WIRED = "not wired yet";

  /**
   * {@code relaxha run --config FILE}: builds the controller from {@code site} (topology, policies,
   * controller settings, the adapters' components), starts it, and blocks until it is stopped
   * (SIGTERM or Ctrl-C through a shutdown hook). Owns the adapters' lifecycle from here on.
   */
  public int run(LoadedSite site, LauncherContext launcher) {
    return notWired("run", launcher);
  }

  /**
   * {@code relaxha status}: prints every subject's health, ladder step, reason and next deadline,
   * from a running controller or from its state directory.
   */
  public int status(StatusRequest request, LauncherContext launcher) {
    return notWired("status", launcher);
  }

  /**
   * {@code relaxha} without arguments: runs a short scripted scenario on the in-memory fakes and
   * prints what the controller did.
   */
  public int demo(LauncherContext launcher) {
    return notWired("the demo", launcher);
  }

  private static int notWired(String what, LauncherContext launcher) {
    launcher.err().println("relaxha: " + what + " is " + NOT_WIRED);
    return ExitCodes.FAILURE;
  }
}
