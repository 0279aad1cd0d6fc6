package org.relaxha.core.engine;

/**
 * Where a VM is in its recovery. The legal moves between phases are data: {@link Transitions#VM}.
 */
public enum VmPhase {
  /** Running as far as the engine knows; no recovery under way. */
  HEALTHY,
  /** A guest reboot was asked for; waiting up to T1 for the VM to come back. */
  REBOOTING,
  /** A power-cycle on its host was asked for; waiting up to T2. */
  RESTARTING,
  /** Being powered off on its host, to prove it off before it starts elsewhere. */
  STOPPING,
  /** Its host failed; waiting for the host to be proven off. */
  AWAITING_FENCE,
  /** Proven off; waiting for a placement plan. */
  PLACING,
  /** No host can take it now; offered to placement again when capacity appears. */
  QUEUED,
  /** Assigned a host; waiting for a boot slot (per-host and cluster-wide limits). */
  START_PENDING,
  /** Started on its new host; waiting up to T2 for it to come up. */
  STARTING,
  /** Being reinstalled; waiting up to the reinstall timeout. */
  REINSTALLING,
  /** Came back; must stay up for the stability window before its ladder resets. */
  STABILIZING,
  /** Every rung failed or a budget ran out; an administrator was told. */
  GAVE_UP;

  /** Whether the engine is waiting for the VM to come up after an action of its own. */
  public boolean awaitsRecovery() {
    return this == REBOOTING || this == RESTARTING || this == STARTING || this == REINSTALLING;
  }

  /** Whether the VM is being moved off a failed host or to a new one. */
  public boolean inTransit() {
    return this == AWAITING_FENCE
        || this == PLACING
        || this == QUEUED
        || this == START_PENDING
        || this == STOPPING;
  }
}
