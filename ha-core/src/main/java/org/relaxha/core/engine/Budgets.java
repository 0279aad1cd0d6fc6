package org.relaxha.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relaxha.spi.policy.RetryBudget;
import org.relaxha.spi.policy.VmLadder;

/** Sliding-window retry budgets: how many restarts and relocations a VM has left. */
final class Budgets {
  private Budgets() {}

  /** A reason to stop if the VM used up its restarts in the window. */
  static Optional<String> restartsExhausted(VmRecord r, VmLadder ladder, Instant now) {
    RetryBudget budget = ladder.budget();
    int used = within(r.restarts(), budget.window(), now).size();
    if (used >= budget.maxRestarts()) {
      return Optional.of(
          "retry budget exhausted: "
              + used
              + " recovery actions within "
              + budget.window()
              + " (max "
              + budget.maxRestarts()
              + ")");
    }
    return Optional.empty();
  }

  /** A reason to stop if the VM used up its relocations in the window. */
  static Optional<String> relocationsExhausted(VmRecord r, VmLadder ladder, Instant now) {
    RetryBudget budget = ladder.budget();
    int used = within(r.relocations(), budget.window(), now).size();
    if (used >= budget.maxRelocations()) {
      return Optional.of(
          "relocation budget exhausted: "
              + used
              + " moves within "
              + budget.window()
              + " (max "
              + budget.maxRelocations()
              + ")");
    }
    return Optional.empty();
  }

  /** The instants within the window, plus {@code now}. */
  static List<Instant> record(List<Instant> instants, Duration window, Instant now) {
    List<Instant> kept = within(instants, window, now);
    kept.add(now);
    return kept;
  }

  private static List<Instant> within(List<Instant> instants, Duration window, Instant now) {
    Instant cutoff = now.minus(window);
    List<Instant> kept = new ArrayList<>(instants.size() + 1);
    for (Instant at : instants) {
      if (at.isAfter(cutoff)) {
        kept.add(at);
      }
    }
    return kept;
  }
}
