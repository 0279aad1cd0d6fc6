package org.relaxha.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code relaxha check-config FILE}: loads and validates a site configuration and creates its
 * adapters without starting them, then prints a summary. A broken file prints {@code file:line:
 * field: problem} on standard error and exits with 2.
 *
 * <p>One instance per execution; not thread-safe.
 */
@Command(
    name = "check-config",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a site configuration without starting anything.",
      "",
      "Checks the syntax, the types, required and unknown keys, references between hosts, VMs"
          + " and services, policy values, and every adapter's settings (its provider creates"
          + " it; nothing connects). Prints a summary."
    },
    footer = {
      "",
      "Exit codes: 0 valid, 2 invalid (the error on stderr as file:line: field: problem)."
    })
final class CheckConfigCommand implements Callable<Integer> {
  private final LauncherContext context;

  @Parameters(index = "0", paramLabel = "FILE", description = "the site configuration (YAML)")
  Path file;

  CheckConfigCommand(LauncherContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (LoadedSite site = context.loadSite(file)) {
      SiteSummary.print(site, context.out());
    }
    return ExitCodes.OK;
  }
}
