package org.relaxha.examples.lab;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.relaxha.spi.Require;

/**
 * What {@code relaxha lab} was asked to do.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scenario the scenario file; empty for the built-in scenario
 * @param runs how many runs of each variant, with seeds {@code seed}, {@code seed + 1}...
 * @param seed the first seed; empty for the scenario's own
 * @param json where to write the machine-readable results, if anywhere
 * @param plot where to draw the recovery-time distribution ({@code .png} or {@code .svg})
 * @param chaos how many chaos schedules to run instead of a scenario (0: none)
 * @param progress show a progress bar on standard error even when it is not a terminal
 * @param timelines print every incident's timeline also for several runs or variants
 * @param threads threads for independent runs
 */
public record LabRequest(
    Optional<Path> scenario,
    int runs,
    OptionalLong seed,
    Optional<Path> json,
    Optional<Path> plot,
    int chaos,
    boolean progress,
    boolean timelines,
    int threads) {

  /** Validates every field. */
  public LabRequest {
    Require.nonNull(scenario, "scenario");
    Require.atLeast(runs, 1, "runs");
    Require.nonNull(seed, "seed");
    Require.nonNull(json, "json");
    Require.nonNull(plot, "plot");
    Require.atLeast(chaos, 0, "chaos");
    Require.atLeast(threads, 1, "threads");
  }

  /** The built-in scenario, once, with its own seed. */
  public static LabRequest builtIn() {
    return new LabRequest(
        Optional.empty(),
        1,
        OptionalLong.empty(),
        Optional.empty(),
        Optional.empty(),
        0,
        false,
        false,
        Math.max(1, Runtime.getRuntime().availableProcessors()));
  }
}
