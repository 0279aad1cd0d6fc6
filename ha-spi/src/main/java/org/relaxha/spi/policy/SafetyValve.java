package org.relaxha.spi.policy;

import java.time.Duration;
import org.relaxha.spi.Require;

/**
 * The mass-failure safety valve: when more than {@code maxShareDown} of all hosts (and at least
 * {@code minHostsDown}) went down within {@code window} of each other, it is likelier that the
 * controller lost its network or its monitoring than that the hosts died, so fencing is held and
 * administrators are told. An operator releases the hold; hosts that come back stand down.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxShareDown the share of all hosts that may fail at once without tripping the valve
 * @param minHostsDown fewer failed hosts than this never trip it
 * @param window failures further apart than this are not "at once"
 */
public record SafetyValve(double maxShareDown, int minHostsDown, Duration window) {
  /** Validates every field. */
  public SafetyValve {
    Require.inRange(maxShareDown, 0.0, 1.0, "safetyValve.maxShareDown");
    Require.atLeast(minHostsDown, 1, "safetyValve.minHostsDown");
    Require.positive(window, "safetyValve.window");
  }

  /** Hold when more than half the hosts, and at least two, failed within 5 minutes. */
  public static SafetyValve ofDefaults() {
    return new SafetyValve(0.5, 2, Duration.ofMinutes(5));
  }

  /** Whether {@code down} recent failures out of {@code total} hosts trip the valve. */
  public boolean trips(int down, int total) {
    return total > 0 && down >= minHostsDown && (double) down / total > maxShareDown;
  }
}
