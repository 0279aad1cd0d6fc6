package org.relaxha.spi.policy;

import java.time.Duration;
import org.relaxha.spi.Require;

/**
 * How many recovery actions a VM may take within a sliding window before RelaxHA stops trying and
 * tells the administrators: this stops a VM that crashes again right after every recovery from
 * looping forever.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxRestarts reboots, power-cycles, starts elsewhere and reinstalls allowed per window
 * @param maxRelocations moves to another host allowed per window
 * @param window the sliding window
 */
public record RetryBudget(int maxRestarts, int maxRelocations, Duration window) {
  /** Validates every field. */
  public RetryBudget {
    Require.atLeast(maxRestarts, 1, "budget.maxRestarts");
    Require.atLeast(maxRelocations, 0, "budget.maxRelocations");
    Require.positive(window, "budget.window");
  }

  /** 6 restarts and 3 relocations per hour. */
  public static RetryBudget ofDefaults() {
    return new RetryBudget(6, 3, Duration.ofHours(1));
  }
}
