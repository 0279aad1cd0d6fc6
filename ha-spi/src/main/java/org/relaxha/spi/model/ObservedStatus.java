package org.relaxha.spi.model;

/**
 * What one check or event said about a subject, before any detector has judged it.
 *
 * <p>The difference between {@link #FAILED} and {@link #UNREACHABLE} matters to recovery: a guest
 * that still answers can be rebooted from inside; one that does not answer (or whose hypervisor
 * reports it crashed or off) cannot, so the ladder skips the reboot rung.
 */
public enum ObservedStatus {
  /** Alive and healthy. */
  UP,
  /** Alive but warning (Nagios WARNING, high load); counts as alive. */
  DEGRADED,
  /** It answered, and it is failing (a service check is CRITICAL, a host reports an error). */
  FAILED,
  /** It did not answer, or its hypervisor reports it crashed, paused or shut off. */
  UNREACHABLE,
  /** The source has no opinion (check could not run, plugin error); neither alive nor dead. */
  UNKNOWN;

  /** Whether this status shows the subject alive. */
  public boolean isAlive() {
    return this == UP || this == DEGRADED;
  }

  /** Whether this status counts against the subject. */
  public boolean isFailure() {
    return this == FAILED || this == UNREACHABLE;
  }
}
