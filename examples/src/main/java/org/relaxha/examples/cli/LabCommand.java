package org.relaxha.examples.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.relaxha.examples.lab.LabRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code relaxha lab [SCENARIO.yaml]}: runs a scenario (the built-in one without a file) against
 * the real controller in a simulated data center in virtual time, via {@link ControllerWiring#lab}.
 *
 * <p>One instance per execution; not thread-safe.
 */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the real controller against a simulated data center, in virtual time.",
      "",
      "Without a file, runs the built-in scenario: a service dies, a VM crashes, a VM hangs, a"
          + " host loses its network. Prints each incident's timeline (detect, mute, fence,"
          + " place, boot, back, verified) and a summary. With several runs or variants, prints"
          + " statistics and compares them with the papers' numbers."
    },
    footer = {"", "Scenario format, paper reproductions and chaos runs: docs/lab.md"})
final class LabCommand implements Callable<Integer> {
  private final LauncherContext context;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "SCENARIO",
      description = "a scenario file (YAML); without it, the built-in scenario")
  Path scenario;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "1",
      description = "runs of each variant, seeds SEED, SEED+1...; prints mean, sd, percentiles")
  int runs;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      description = "the first seed (default: the scenario's own; for --chaos, 1)")
  Long seed;

  @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON")
  Path json;

  @Option(
      names = "--plot",
      paramLabel = "FILE",
      description = "draw the recovery-time distribution (.png or .svg)")
  Path plot;

  @Option(
      names = "--chaos",
      paramLabel = "N",
      defaultValue = "0",
      description = "run N random failure schedules and check the invariants after each")
  int chaos;

  @Option(names = "--progress", description = "show a progress bar even if stderr is no terminal")
  boolean progress;

  @Option(names = "--timelines", description = "print the timelines also for runs or variants")
  boolean timelines;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "threads for independent runs (default: the processors)")
  Integer threads;

  LabCommand(LauncherContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (runs < 1) {
      throw new ParameterException(spec.commandLine(), "--runs must be at least 1, was " + runs);
    }
    if (chaos < 0) {
      throw new ParameterException(spec.commandLine(), "--chaos must not be negative");
    }
    if (chaos > 0 && scenario != null) {
      throw new ParameterException(
          spec.commandLine(), "--chaos draws its own schedules: give it no scenario file");
    }
    if (plot != null && !plot.toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|svg)")) {
      throw new ParameterException(spec.commandLine(), "--plot writes a .png or .svg file");
    }
    int cpus = Math.max(1, Runtime.getRuntime().availableProcessors());
    LabRequest request =
        new LabRequest(
            Optional.ofNullable(scenario),
            runs,
            seed == null ? OptionalLong.empty() : OptionalLong.of(seed),
            Optional.ofNullable(json),
            Optional.ofNullable(plot),
            chaos,
            progress,
            timelines,
            threads == null ? cpus : Math.max(1, threads));
    return context.wiring().lab(request, context);
  }
}
