package org.relaxha.spi.policy;

/** A step of the VM recovery ladder, in escalation order. */
public enum Rung {
  /** Reboot the guest from inside (or by ACPI); needs a guest that still answers. */
  REBOOT,
  /**
   * Power-cycle the VM through its hypervisor, on the same host or, if it is unhealthy, another.
   */
  RESTART,
  /** Reinstall the VM from scratch (PXE); only for VMs that allow it. */
  REINSTALL
}
