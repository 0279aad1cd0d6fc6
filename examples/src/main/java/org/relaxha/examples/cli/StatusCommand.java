package org.relaxha.examples.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.relaxha.examples.config.ControllerSettings;
import org.relaxha.examples.config.SiteConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code relaxha status}: shows every subject's health and ladder step, from the controller's state
 * directory (named directly or through the configuration), via {@link ControllerWiring#status}.
 *
 * <p>One instance per execution; not thread-safe.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the health and ladder step of every host, VM and service.",
      "",
      "Reads a running controller or its state directory: the one named by --config or"
          + " --state-dir, else /var/lib/relaxha. Shows each subject's health, ladder step,"
          + " reason and next deadline."
    })
final class StatusCommand implements Callable<Integer> {
  private final LauncherContext context;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source;

  /** Where the state directory comes from: exactly one of the two options. */
  static final class Source {
    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "the site configuration; its stateDirectory is read")
    Path config;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "the state directory")
    Path stateDirectory;
  }

  StatusCommand(LauncherContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    StatusRequest request;
    if (source == null) {
      request = new StatusRequest(ControllerSettings.DEFAULT_STATE_DIRECTORY, Optional.empty());
    } else if (source.config != null) {
      SiteConfig config = context.loadConfig(source.config);
      request = new StatusRequest(config.stateDirectory(), Optional.of(config));
    } else {
      request = new StatusRequest(source.stateDirectory, Optional.empty());
    }
    return context.wiring().status(request, context);
  }
}
