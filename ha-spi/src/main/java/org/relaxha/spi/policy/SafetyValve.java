package org.relaxha.spi.policy;

import org.relaxha.spi.Require;

/**
 * The mass-failure safety valve: when more than {@code maxShareDown} of all hosts (and at least
 * {@code minHostsDown}) are down at once, it is likelier that the controller lost its network or
 * its monitoring than that the hosts died, so fencing is held and administrators are told.
 *
 * <p>Immutable and thread-safe.
 */
public record SafetyValve(double maxShareDown, int minHostsDown) {
  /** Validates both fields. */
  public SafetyValve {
    Require.inRange(maxShareDown, 0.0, 1.0, "safetyValve.maxShareDown");
    Require.atLeast(minHostsDown, 1, "safetyValve.minHostsDown");
  }

  /** Hold when more than half the hosts, and at least two, are down. */
  public static SafetyValve ofDefaults() {
    return new SafetyValve(0.5, 2);
  }

  /** Whether {@code down} hosts out of {@code total} trip the valve. */
  public boolean trips(int down, int total) {
    return total > 0 && down >= minHostsDown && (double) down / total > maxShareDown;
  }
}
