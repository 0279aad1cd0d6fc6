package org.relaxha.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.relaxha.core.journal.JournalCorruptedException;
import org.relaxha.core.journal.StateStoreException;
import org.relaxha.core.runtime.HaController;
import org.relaxha.core.runtime.HaControllerBuilder;
import org.relaxha.core.runtime.StatusReport;
import org.relaxha.examples.lab.Lab;
import org.relaxha.examples.lab.LabRequest;
import org.relaxha.examples.run.ControllerLiveness;
import org.relaxha.examples.run.OperatorInbox;
import org.relaxha.examples.run.SiteControllers;

/**
 * Where the launcher meets the controller: {@code run} builds and runs the site's {@link
 * HaController}, {@code status} shows a controller's status from its state directory, {@code lab}
 * runs a simulation, and the default action runs the lab's built-in scenario. Everything before
 * these methods (parsing, loading, validating, creating adapters) is done by the launcher; each
 * method returns the process exit code ({@link ExitCodes}).
 *
 * <p>Stateless and thread-safe; tests may subclass it to record what they were given.
 */
public class ControllerWiring {

  /**
   * {@code relaxha run --config FILE}: builds the controller from {@code site}, starts it, applies
   * operator requests from its inbox every second, and blocks until the process is stopped (SIGTERM
   * or Ctrl-C), closing the controller and the adapters through a shutdown hook.
   */
  public int run(LoadedSite site, LauncherContext launcher) {
    HaController controller;
    try {
      controller = SiteControllers.build(site, launcher.clock(), site.repairJournal());
    } catch (IllegalArgumentException e) {
      launcher.err().println("relaxha: " + e.getMessage());
      site.close();
      return ExitCodes.USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  controller.close();
                  site.close();
                  stopped.countDown();
                },
                "relaxha-shutdown"));
    try {
      controller.start();
    } catch (JournalCorruptedException e) {
      launcher
          .err()
          .println("relaxha: cannot start: " + e.getMessage() + " (relaxha run --repair)");
      return ExitCodes.FAILURE;
    } catch (StateStoreException | IllegalStateException e) {
      launcher.err().println("relaxha: cannot start: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    Path stateDir = site.config().stateDirectory();
    launcher
        .out()
        .println(
            "RelaxHA is running for "
                + site.config().file()
                + ": "
                + site.config().topology().hosts().size()
                + " hosts, "
                + site.config().topology().vms().size()
                + " VMs. State and status in "
                + stateDir
                + " (relaxha status --state-dir "
                + stateDir
                + ").");
    OperatorInbox inbox = new OperatorInbox(stateDir);
    try {
      while (!stopped.await(1, TimeUnit.SECONDS)) {
        inbox.applyPending(controller);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCodes.OK;
  }

  /**
   * {@code relaxha status}: prints the status report a controller keeps in its state directory,
   * saying whether that controller is running now.
   */
  public int status(StatusRequest request, LauncherContext launcher) {
    Path dir = request.stateDirectory();
    Path file = dir.resolve(HaControllerBuilder.STATUS_FILE);
    if (!Files.isRegularFile(file)) {
      launcher
          .err()
          .println(
              "relaxha: no status in " + dir + ": no controller has run with this state directory");
      return ExitCodes.FAILURE;
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      launcher.err().println("relaxha: cannot read " + file + ": " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    if (ControllerLiveness.running(dir)) {
      launcher.out().println("Controller running (" + ControllerLiveness.holder(dir) + ").");
    } else {
      String when = StatusReport.takenAt(text).map(Instant::toString).orElse("at an unknown time");
      launcher
          .out()
          .println(
              "No controller is running on "
                  + dir
                  + "; this is its last status, written "
                  + when
                  + ".");
    }
    launcher.out().print(text);
    return ExitCodes.OK;
  }

  /**
   * {@code relaxha lab}: runs a scenario (or chaos schedules) against the real controller in a
   * simulated data center, in virtual time, and prints what happened. A broken scenario file is a
   * {@link org.relaxha.spi.config.ConfigException} (exit code 2) and nothing runs; a broken
   * invariant is exit code 1.
   */
  public int lab(LabRequest request, LauncherContext launcher) {
    Quiet.logs();
    boolean terminal = System.console() != null;
    return new Lab(request, launcher.out(), launcher.err(), terminal).run() == 0
        ? ExitCodes.OK
        : ExitCodes.FAILURE;
  }

  /** {@code relaxha} without arguments: the lab's built-in scenario. */
  public int demo(LauncherContext launcher) {
    return lab(LabRequest.builtIn(), launcher);
  }
}
