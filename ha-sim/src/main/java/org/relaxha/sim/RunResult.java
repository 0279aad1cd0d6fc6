package org.relaxha.sim;

import java.time.Duration;
import java.util.List;
import org.relaxha.spi.Require;
import org.relaxha.spi.notify.Notification;

/**
 * The outcome of one simulated run: each incident, every invariant broken, every notification the
 * administrators received.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scenario the scenario run
 * @param seed the seed it ran with
 * @param incidents the incidents, in the scenario's order
 * @param violations the invariants broken (none, in a correct controller)
 * @param notifications what the administrators were told
 * @param controllerStarts how many controllers ran (1 + restarts)
 * @param simulated how much virtual time passed
 */
public record RunResult(
    Scenario scenario,
    long seed,
    List<IncidentResult> incidents,
    List<Violation> violations,
    List<Notification> notifications,
    int controllerStarts,
    Duration simulated) {

  /** Validates and copies. */
  public RunResult {
    Require.nonNull(scenario, "scenario");
    incidents = List.copyOf(incidents);
    violations = List.copyOf(violations);
    notifications = List.copyOf(notifications);
    Require.nonNull(simulated, "simulated");
  }
}
