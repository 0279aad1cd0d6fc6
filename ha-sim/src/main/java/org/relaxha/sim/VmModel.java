package org.relaxha.sim;

import org.relaxha.spi.Require;
import org.relaxha.spi.model.VmId;

/**
 * How a simulated VM behaves: how long it takes to boot, to reboot and to reinstall, and how much
 * load it puts on its host while it runs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param vm the VM
 * @param boot from power-on until the guest answers
 * @param reboot from a guest reboot until it answers again
 * @param reinstall from the start of a reinstall until the guest answers
 * @param load runnable processes it adds to its host's load average while running
 */
public record VmModel(
    VmId vm, Distribution boot, Distribution reboot, Distribution reinstall, double load) {
  /** Validates every field. */
  public VmModel {
    Require.nonNull(vm, "vm");
    Require.nonNull(boot, "vm " + vm + ": boot");
    Require.nonNull(reboot, "vm " + vm + ": reboot");
    Require.nonNull(reinstall, "vm " + vm + ": reinstall");
    Require.atLeast(load, 0.0, "vm " + vm + ": load");
  }

  /** 30 s to boot or reboot, 8 min to reinstall, load 1. */
  public static VmModel ofDefaults(VmId vm) {
    return new VmModel(
        vm, Distribution.seconds(30), Distribution.seconds(30), Distribution.seconds(480), 1.0);
  }
}
