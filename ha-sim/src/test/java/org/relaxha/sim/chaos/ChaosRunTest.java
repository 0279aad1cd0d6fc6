package org.relaxha.sim.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.relaxha.sim.Failure;
import org.relaxha.sim.FailureKind;
import org.relaxha.sim.RunResult;

class ChaosRunTest {
  /** Schedules run in every build. */
  private static final int SCHEDULES = 2000;

  @Test
  void twoThousandRandomSchedulesBreakNoInvariant() {
    ChaosRun.Report r =
        ChaosRun.run(
            Long.getLong("chaos.seed", 1L), Integer.getInteger("chaos.n", SCHEDULES), 2, i -> {});
    System.out.printf(
        "chaos: %d schedules, %d failures injected (%d controller restarts), %s simulated, took %s%n",
        r.schedules(), r.failures(), r.restarts(), r.simulated(), r.took());
    assertThat(r.broken())
        .as("replay a schedule with ChaosRun.replay(seed) or relaxha lab --chaos 1 --seed SEED")
        .isEmpty();
  }

  @Test
  void schedulesAreDeterministicAndUseEveryFailureKind() {
    assertThat(ChaosSchedule.of(42).failures()).isEqualTo(ChaosSchedule.of(42).failures());
    assertThat(ChaosSchedule.of(42).topology()).isEqualTo(ChaosSchedule.of(42).topology());
    assertThat(ChaosSchedule.of(42).failures()).isNotEqualTo(ChaosSchedule.of(43).failures());
    Set<FailureKind> seen = EnumSet.noneOf(FailureKind.class);
    for (long seed = 1; seed <= 200; seed++) {
      seen.addAll(
          ChaosSchedule.of(seed).failures().stream()
              .map(Failure::kind)
              .collect(Collectors.toSet()));
    }
    assertThat(seen).containsExactlyInAnyOrder(FailureKind.values());
  }

  @Test
  void aReplayGivesTheSameRunTwice() {
    RunResult a = ChaosRun.replay(7);
    RunResult b = ChaosRun.replay(7);
    assertThat(b.incidents()).isEqualTo(a.incidents());
    assertThat(b.notifications()).isEqualTo(a.notifications());
  }
}
