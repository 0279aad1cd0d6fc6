package org.relaxha.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.relaxha.spi.config.AdapterProvider;
import picocli.CommandLine;
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

  @Option(
      names = "--repair",
      description =
          "start even if the journal is damaged: its damaged tail is moved aside (never deleted)"
              + " and the controller resumes from what precedes it")
  boolean repair;

  RunCommand(LauncherContext context) {
    this.context = context;
  }

  /** The command, its help listing the installed adapter types with their descriptions. */
  static CommandLine commandLine(LauncherContext context) {
    CommandLine run = new CommandLine(new RunCommand(context));
    List<String> footer = new ArrayList<>(List.of("", "Installed adapter types:"));
    for (AdapterProvider provider : context.registry().providers()) {
      footer.add("  " + provider.type() + ": " + provider.description());
    }
    if (context.registry().types().isEmpty()) {
      footer.add("  (none)");
    }
    run.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
    return run;
  }

  @Override
  public Integer call() {
    LoadedSite site = context.loadSite(config).withRepairJournal(repair);
    return context.wiring().run(site, context);
  }
}
