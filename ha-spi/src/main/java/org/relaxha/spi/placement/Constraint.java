package org.relaxha.spi.placement;

/** A hard constraint that can exclude a host for a VM, in the order placement checks them. */
public enum Constraint {
  /** The caller excluded the host (the VM's failed host, for instance). */
  EXCLUDED,
  /** The host is not up. */
  HOST_DOWN,
  /** The host is in maintenance. */
  MAINTENANCE,
  /** The host cannot reach the VM's storage pool. */
  STORAGE,
  /** The host's 5-minute load average (with what was already placed) is at its threshold. */
  LOAD,
  /** Not enough free CPU. */
  CPU,
  /** Not enough free memory. */
  MEMORY,
  /** Another VM of the same anti-affinity group runs there. */
  ANTI_AFFINITY
}
