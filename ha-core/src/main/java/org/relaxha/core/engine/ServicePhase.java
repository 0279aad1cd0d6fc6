package org.relaxha.core.engine;

/** Where a service is in its recovery. The legal moves are data: {@link Transitions#SERVICE}. */
public enum ServicePhase {
  /** Running as far as the engine knows. */
  HEALTHY,
  /** A restart was asked for; waiting for it to come back. */
  RESTARTING,
  /** Came back; must stay up for the stability window before its restart count resets. */
  STABILIZING,
  /** Its restarts ran out; its VM's ladder took over. */
  ESCALATED,
  /** Its restarts ran out and the policy does not escalate; an administrator was told. */
  GAVE_UP
}
