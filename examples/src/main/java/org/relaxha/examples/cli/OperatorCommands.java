package org.relaxha.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.relaxha.examples.config.ControllerSettings;
import org.relaxha.examples.run.ControllerLiveness;
import org.relaxha.examples.run.OperatorInbox;
import org.relaxha.examples.run.OperatorRequest;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The administrator's commands to a running controller ({@code confirm-fenced}, {@code
 * release-hold}, {@code maintenance}, {@code reset-vm}): each drops a request into the controller's
 * inbox in its state directory and waits up to 15 s for the answer.
 *
 * <p>One instance per execution; not thread-safe.
 */
final class OperatorCommands {
  private OperatorCommands() {}

  static void addTo(CommandLine cli, LauncherContext context) {
    cli.addSubcommand("confirm-fenced", new ConfirmFenced(context));
    cli.addSubcommand("release-hold", new ReleaseHold(context));
    cli.addSubcommand("maintenance", new Maintenance(context));
    cli.addSubcommand("reset-vm", new ResetVm(context));
  }

  /** What every operator command shares: where the controller is, who asks, sending. */
  abstract static class Base implements Callable<Integer> {
    final LauncherContext context;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    @Option(
        names = "--operator",
        paramLabel = "NAME",
        description = "who asks, for the audit trail (default: $USER)")
    String operator;

    static final class Source {
      @Option(
          names = "--config",
          paramLabel = "FILE",
          description = "the site configuration; its stateDirectory is used")
      Path config;

      @Option(
          names = "--state-dir",
          paramLabel = "DIR",
          description = "the controller's state directory")
      Path stateDirectory;
    }

    Base(LauncherContext context) {
      this.context = context;
    }

    abstract OperatorRequest request(String who);

    @Override
    public Integer call() throws IOException, InterruptedException {
      Path dir = stateDirectory();
      String who =
          operator != null
              ? operator
              : Optional.ofNullable(context.environment().apply("USER")).orElse("admin");
      OperatorRequest request;
      try {
        request = request(who);
      } catch (IllegalArgumentException e) {
        context.err().println("relaxha: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      if (!ControllerLiveness.running(dir)) {
        context.err().println("relaxha: no controller is running on " + dir);
        return ExitCodes.FAILURE;
      }
      Path answer = new OperatorInbox(dir).submit(request);
      Optional<String> reply = OperatorInbox.awaitAnswer(answer, Duration.ofSeconds(15));
      if (reply.isEmpty()) {
        context.err().println("relaxha: the controller on " + dir + " did not answer within 15 s");
        return ExitCodes.FAILURE;
      }
      boolean ok = reply.get().startsWith("ok");
      (ok ? context.out() : context.err()).println(reply.get());
      return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private Path stateDirectory() {
      if (source != null && source.config != null) {
        return context.loadConfig(source.config).stateDirectory();
      }
      if (source != null && source.stateDirectory != null) {
        return source.stateDirectory;
      }
      return ControllerSettings.DEFAULT_STATE_DIRECTORY;
    }
  }

  @Command(
      name = "confirm-fenced",
      mixinStandardHelpOptions = true,
      description = "Confirms that a failed host is powered off, so its VMs may start elsewhere.")
  static final class ConfirmFenced extends Base {
    @Parameters(index = "0", paramLabel = "HOST", description = "the host you checked is off")
    String host;

    ConfirmFenced(LauncherContext context) {
      super(context);
    }

    @Override
    OperatorRequest request(String who) {
      return new OperatorRequest("confirm-fenced", host, who);
    }
  }

  @Command(
      name = "release-hold",
      mixinStandardHelpOptions = true,
      description = "Releases the mass-failure safety valve: held hosts are fenced now.")
  static final class ReleaseHold extends Base {
    ReleaseHold(LauncherContext context) {
      super(context);
    }

    @Override
    OperatorRequest request(String who) {
      return new OperatorRequest("release-hold", "", who);
    }
  }

  @Command(
      name = "maintenance",
      mixinStandardHelpOptions = true,
      description = "Puts a host in (on) or out of (off) maintenance: no VM is placed on it.")
  static final class Maintenance extends Base {
    @Parameters(index = "0", paramLabel = "HOST")
    String host;

    @Parameters(index = "1", paramLabel = "on|off")
    String mode;

    Maintenance(LauncherContext context) {
      super(context);
    }

    @Override
    OperatorRequest request(String who) {
      if (!mode.equals("on") && !mode.equals("off")) {
        throw new IllegalArgumentException(
            "maintenance: expected 'on' or 'off', got '" + mode + "'");
      }
      return new OperatorRequest("maintenance-" + mode, host, who);
    }
  }

  @Command(
      name = "reset-vm",
      mixinStandardHelpOptions = true,
      description =
          "Clears a VM that RelaxHA gave up on; its ladder starts again if it is still down.")
  static final class ResetVm extends Base {
    @Parameters(index = "0", paramLabel = "VM")
    String vm;

    ResetVm(LauncherContext context) {
      super(context);
    }

    @Override
    OperatorRequest request(String who) {
      return new OperatorRequest("reset-vm", vm, who);
    }
  }
}
