package org.relaxha.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.relaxha.examples.adapters.DuplicateAdapterTypeException;
import org.relaxha.spi.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParseResult;

/**
 * The {@code relaxha} launcher: {@code check-config}, {@code probe}, {@code run}, {@code status},
 * {@code lab}, and, without arguments, the lab's built-in scenario. Exit codes: {@link ExitCodes#OK
 * 0} ok, {@link ExitCodes#FAILURE 1} runtime failure, {@link ExitCodes#USAGE 2} usage or
 * configuration error.
 *
 * <p>Each command instance serves one execution on the calling thread; not thread-safe.
 */
@Command(
    name = "relaxha",
    mixinStandardHelpOptions = true,
    versionProvider = Relaxha.Version.class,
    description = {
      "Keeps the VMs of a data center available.",
      "",
      "Detects failed hosts, VMs and services and recovers them: restart the service, reboot"
          + " the VM, restart it, reinstall it; fence a failed host and restart its VMs"
          + " elsewhere. Without a command, runs the lab's built-in scenario: the real controller"
          + " against a simulated data center, in virtual time (relaxha lab)."
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 runtime failure, 2 usage or configuration error.",
      "Configuration format: docs/configuration.md"
    })
public final class Relaxha implements Callable<Integer> {
  private final LauncherContext context;

  private Relaxha(LauncherContext context) {
    this.context = context;
  }

  /** Runs the launcher and exits with its exit code. */
  public static void main(String[] args) {
    LauncherContext context;
    try {
      context = LauncherContext.ofSystem();
    } catch (IllegalStateException | IllegalArgumentException e) {
      // Two providers of one type, a provider that cannot load, a type name that cannot be used.
      System.err.println("relaxha: " + e.getMessage());
      System.exit(ExitCodes.USAGE);
      return;
    }
    System.exit(execute(context, args));
  }

  /** Runs the launcher in this process with {@code context}; returns the exit code. */
  public static int execute(LauncherContext context, String... args) {
    return commandLine(context).execute(args);
  }

  /** The command line of the launcher, with every command and the adapters' probe commands. */
  public static CommandLine commandLine(LauncherContext context) {
    CommandLine cli = new CommandLine(new Relaxha(context));
    cli.addSubcommand("check-config", new CheckConfigCommand(context));
    cli.addSubcommand("probe", ProbeCommand.commandLine(context));
    cli.addSubcommand("run", RunCommand.commandLine(context));
    cli.addSubcommand("status", new StatusCommand(context));
    cli.addSubcommand("lab", new LabCommand(context));
    OperatorCommands.addTo(cli, context);
    cli.addSubcommand("help", new CommandLine.HelpCommand());
    cli.setOut(new PrintWriter(context.out(), true));
    cli.setErr(new PrintWriter(context.err(), true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(Relaxha::handle);
    return cli;
  }

  /** No command: the lab's built-in scenario. */
  @Override
  public Integer call() {
    return context.wiring().demo(context);
  }

  private static int handle(Exception e, CommandLine cli, ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (e instanceof ConfigException) {
      // file:line: field: problem, as compilers print it, so that editors can jump to it.
      err.println(e.getMessage());
      return ExitCodes.USAGE;
    }
    if (e instanceof DuplicateAdapterTypeException) {
      err.println("relaxha: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    err.println("relaxha " + cli.getCommandName() + ": failed: " + e);
    e.printStackTrace(err);
    return ExitCodes.FAILURE;
  }

  /** The version from the jar's manifest. Stateless. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Relaxha.class.getPackage().getImplementationVersion();
      return new String[] {"relaxha " + (version == null ? "(development build)" : version)};
    }
  }
}
