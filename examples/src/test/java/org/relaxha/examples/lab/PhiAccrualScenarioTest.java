package org.relaxha.examples.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaxha.examples.config.ScenarioFile;
import org.relaxha.examples.config.ScenarioLoader;
import org.relaxha.sim.Phase;
import org.relaxha.sim.RunResult;
import org.relaxha.sim.Scenario;
import org.relaxha.sim.Simulation;
import org.relaxha.sim.Stats;

/**
 * {@code examples/scenarios/phi-accrual.yaml}: the detection section chooses phi accrual per
 * criticality class, and its loss tolerance decides how soon a dead host is DOWN, as
 * docs/configuration.md says (one tolerated loss: fastest; the default budget: slowest).
 */
class PhiAccrualScenarioTest {
  private static final int RUNS = 10;

  @Test
  void theLossToleranceOrdersDetectionAsDocumented() {
    ScenarioFile file = ScenarioLoader.load(Path.of("scenarios", "phi-accrual.yaml"));
    Map<String, Stats> detect = new LinkedHashMap<>();
    for (Scenario variant : file.variants()) {
      List<Double> seconds = new ArrayList<>();
      for (long seed = 1; seed <= RUNS; seed++) {
        RunResult r = Simulation.run(variant, seed, Simulation.Options.plain());
        assertThat(r.violations()).as("%s seed %d", variant.variant(), seed).isEmpty();
        assertThat(r.incidents().get(0).offset(Phase.BACK))
            .as("%s seed %d: the VM is back", variant.variant(), seed)
            .isPresent();
        r.incidents()
            .get(0)
            .offset(Phase.DETECT)
            .ifPresent(d -> seconds.add(d.toMillis() / 1000.0));
      }
      assertThat(seconds).as("%s: detected in every run", variant.variant()).hasSize(RUNS);
      detect.put(variant.variant(), Stats.of(seconds));
    }
    double oneLoss = detect.get("phi-1-loss").mean();
    double misses = detect.get("miss-count").mean();
    double budget = detect.get("phi").mean();
    assertThat(oneLoss).as("one lost 5 s heartbeat plus jitter and a read").isBetween(5.0, 15.0);
    assertThat(misses).as("two missed 10 s intervals").isBetween(15.0, 30.0);
    assertThat(budget).as("three tolerated losses").isBetween(25.0, 45.0);
    assertThat(oneLoss).isLessThan(misses);
    assertThat(misses).isLessThan(budget);
  }
}
