package org.relaxha.examples.lab;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.relaxha.sim.IncidentResult;
import org.relaxha.sim.Phase;
import org.relaxha.sim.RunResult;
import org.relaxha.sim.Scenario;
import org.relaxha.sim.Stats;
import org.relaxha.sim.Violation;

/**
 * Every run of one variant of a scenario, with the statistics the lab prints.
 *
 * <p>Immutable and thread-safe.
 *
 * @param variant the variant
 * @param runs its runs, by seed
 */
public record VariantRuns(Scenario variant, List<RunResult> runs) {
  /** Copies. */
  public VariantRuns {
    runs = List.copyOf(runs);
  }

  /** The name of the variant. */
  public String name() {
    return variant.variant();
  }

  /** How many incidents each run has. */
  public int incidents() {
    return variant.incidents().size();
  }

  /** The seconds from incident {@code i} (from 0) to {@code phase}, in the runs that reached it. */
  public List<Double> seconds(int i, Phase phase) {
    List<Double> values = new ArrayList<>();
    for (RunResult r : runs) {
      r.incidents().get(i).offset(phase).ifPresent(d -> values.add(d.toMillis() / 1000.0));
    }
    return values;
  }

  /** The statistics of {@link #seconds}. */
  public Stats stats(int i, Phase phase) {
    return Stats.of(seconds(i, phase));
  }

  /** How incident {@code i} ended, counted over the runs. */
  public Map<IncidentResult.Outcome, Integer> outcomes(int i) {
    Map<IncidentResult.Outcome, Integer> counts = new EnumMap<>(IncidentResult.Outcome.class);
    for (RunResult r : runs) {
      counts.merge(r.incidents().get(i).outcome(), 1, Integer::sum);
    }
    return counts;
  }

  /** Every invariant broken in any run, with the seed of its run. */
  public List<String> violations() {
    List<String> all = new ArrayList<>();
    for (RunResult r : runs) {
      for (Violation v : r.violations()) {
        all.add("seed " + r.seed() + ": " + v);
      }
    }
    return all;
  }
}
