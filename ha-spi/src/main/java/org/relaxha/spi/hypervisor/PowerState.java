package org.relaxha.spi.hypervisor;

/** A VM's power state as its hypervisor reports it. */
public enum PowerState {
  /** Running (or blocked in the guest, which still counts as running). */
  RUNNING,
  /** Paused or suspended: still holds its disks, so it counts as running for fencing. */
  PAUSED,
  /** Being shut down. */
  SHUTTING_DOWN,
  /** Off, defined but not running. */
  SHUT_OFF,
  /** Off because it crashed. */
  CRASHED,
  /** The hypervisor does not know (or the state is one we do not map). */
  UNKNOWN;

  /**
   * Whether a VM in this state may still be using its disks, so that starting it elsewhere would
   * run it twice.
   */
  public boolean mayBeRunning() {
    return this != SHUT_OFF && this != CRASHED;
  }
}
