package org.relaxha.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.relaxha.examples.config.Suggestions;
import org.relaxha.spi.config.AdapterProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code relaxha probe TYPE ARGS...}: the command group adapters extend. It has one subcommand per
 * installed {@link AdapterProvider}, built from the registry, so an adapter module adds its probe
 * by being on the class path; the arguments after the type go to {@link AdapterProvider#probe}
 * unchanged. An unknown type lists the known ones.
 *
 * <p>One instance per execution; not thread-safe.
 */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "TYPE [ARGS...]",
    description = {
      "Shows what one adapter sees.",
      "",
      "Connects through the adapter of type TYPE, prints what it sees (hosts, VMs, checks...)"
          + " and disconnects. The arguments after TYPE go to the adapter; see relaxha probe"
          + " TYPE --help."
    })
final class ProbeCommand implements Callable<Integer> {
  private final LauncherContext context;

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "TYPE", hidden = true)
  List<String> words = new ArrayList<>();

  private ProbeCommand(LauncherContext context) {
    this.context = context;
  }

  /** The probe group with a subcommand per provider in the context's registry. */
  static CommandLine commandLine(LauncherContext context) {
    CommandLine probe = new CommandLine(new ProbeCommand(context));
    for (AdapterProvider provider : context.registry().providers()) {
      CommandLine adapter = new CommandLine(new AdapterProbe(provider, context));
      adapter.getCommandSpec().usageMessage().description(provider.description(), "");
      probe.addSubcommand(provider.type(), adapter);
    }
    probe.getCommandSpec().usageMessage().footer("", knownTypes(context));
    probe.setUnmatchedOptionsArePositionalParams(true);
    probe.setStopAtPositional(true);
    return probe;
  }

  /** No type, or one no provider has. */
  @Override
  public Integer call() {
    if (words.isEmpty()) {
      context.err().println("relaxha probe: which adapter type? " + knownTypes(context));
      spec.commandLine().usage(spec.commandLine().getErr());
      return ExitCodes.USAGE;
    }
    String type = words.get(0);
    context
        .err()
        .println(
            "relaxha probe: unknown adapter type '"
                + type
                + "'"
                + Suggestions.hint(type, context.registry().types())
                + ". "
                + knownTypes(context));
    return ExitCodes.USAGE;
  }

  private static String knownTypes(LauncherContext context) {
    return context.registry().types().isEmpty()
        ? "No adapter types are installed."
        : "Known types: " + String.join(", ", context.registry().types()) + ".";
  }

  /** {@code relaxha probe TYPE ARGS...} for one provider. */
  @Command(mixinStandardHelpOptions = true)
  static final class AdapterProbe implements Callable<Integer> {
    private final AdapterProvider provider;
    private final LauncherContext context;

    @Parameters(
        arity = "0..*",
        paramLabel = "ARGS",
        description = "passed to the adapter's probe unchanged")
    List<String> args = new ArrayList<>();

    AdapterProbe(AdapterProvider provider, LauncherContext context) {
      this.provider = provider;
      this.context = context;
    }

    @Override
    public Integer call() {
      return provider.probe(List.copyOf(args), context.out(), context.err());
    }
  }
}
