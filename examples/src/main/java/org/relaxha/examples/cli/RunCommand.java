package org.relaxha.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code relaxha run --config FILE}: validates the configuration, creates the adapters, and hands
 * them to {@link ControllerWiring#run}, which runs the controller until it is stopped.
 *
 * <p>One instance per execution; not thread-safe.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the controller for a real site.",
      "",
      "Loads and checks the configuration (as check-config does), creates the adapters, then"
          + " detects and recovers until stopped."
    })
final class RunCommand implements Callable<Integer> {
  private final LauncherContext context;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "the site configuration (YAML)")
  Path config;

  RunCommand(LauncherContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    LoadedSite site = context.loadSite(config);
    return context.wiring().run(site, context);
  }
}
