package org.relaxha.spi.policy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.relaxha.spi.Require;

/**
 * The recovery ladder of one VM: which rungs to try in order, how long to wait after each for the
 * VM to come back, how long it must stay up before the ladder resets, and its retry budget.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rungs the rungs to try, in escalation order, without repeats
 * @param rebootTimeout T1: wait after a reboot before restarting (3RC: 3 min)
 * @param restartTimeout T2: wait after a restart before reinstalling (3RC: 3 min)
 * @param reinstallTimeout wait after a reinstall before giving up
 * @param stabilityWindow how long a recovered VM must stay up before its ladder resets; a relapse
 *     inside the window continues the ladder where it was
 * @param budget the retry budget
 * @param rebootUnreachableGuests try the REBOOT rung even when the guest does not answer (the 3RC
 *     controller did; RelaxHA's default skips it and goes straight to RESTART)
 */
public record VmLadder(
    List<Rung> rungs,
    Duration rebootTimeout,
    Duration restartTimeout,
    Duration reinstallTimeout,
    Duration stabilityWindow,
    RetryBudget budget,
    boolean rebootUnreachableGuests) {

  /** Validates every field: rungs in escalation order, no repeats, positive durations. */
  public VmLadder {
    rungs = List.copyOf(Require.nonNull(rungs, "ladder.rungs"));
    if (rungs.isEmpty()) {
      throw new IllegalArgumentException("ladder.rungs must name at least one rung");
    }
    for (int i = 1; i < rungs.size(); i++) {
      if (rungs.get(i).compareTo(rungs.get(i - 1)) <= 0) {
        throw new IllegalArgumentException(
            "ladder.rungs must be in escalation order REBOOT, RESTART, REINSTALL without repeats,"
                + " was "
                + rungs);
      }
    }
    Require.positive(rebootTimeout, "ladder.rebootTimeout");
    Require.positive(restartTimeout, "ladder.restartTimeout");
    Require.positive(reinstallTimeout, "ladder.reinstallTimeout");
    Require.positive(stabilityWindow, "ladder.stabilityWindow");
    Require.nonNull(budget, "ladder.budget");
  }

  /** A ladder that skips REBOOT for guests that do not answer. */
  public VmLadder(
      List<Rung> rungs,
      Duration rebootTimeout,
      Duration restartTimeout,
      Duration reinstallTimeout,
      Duration stabilityWindow,
      RetryBudget budget) {
    this(rungs, rebootTimeout, restartTimeout, reinstallTimeout, stabilityWindow, budget, false);
  }

  /** A copy that tries (or skips) REBOOT for guests that do not answer. */
  public VmLadder withRebootUnreachableGuests(boolean value) {
    return new VmLadder(
        rungs, rebootTimeout, restartTimeout, reinstallTimeout, stabilityWindow, budget, value);
  }

  /**
   * The defaults: REBOOT, RESTART, REINSTALL; T1 = T2 = 3 min (3RC); 15 min for a reinstall; 10 min
   * of stability; {@link RetryBudget#ofDefaults()}.
   */
  public static VmLadder ofDefaults() {
    return new VmLadder(
        List.copyOf(EnumSet.allOf(Rung.class)),
        Duration.ofMinutes(3),
        Duration.ofMinutes(3),
        Duration.ofMinutes(15),
        Duration.ofMinutes(10),
        RetryBudget.ofDefaults());
  }

  /** How long to wait for the VM after trying {@code rung}. */
  public Duration timeoutAfter(Rung rung) {
    return switch (rung) {
      case REBOOT -> rebootTimeout;
      case RESTART -> restartTimeout;
      case REINSTALL -> reinstallTimeout;
    };
  }
}
