package org.relaxha.spi.hypervisor;

import org.relaxha.spi.Require;
import org.relaxha.spi.model.VmId;

/**
 * One VM in a host's inventory.
 *
 * <p>Immutable and thread-safe.
 */
public record VmStatus(VmId vm, PowerState state) {
  /** Validates both fields. */
  public VmStatus {
    Require.nonNull(vm, "vmStatus.vm");
    Require.nonNull(state, "vmStatus.state");
  }
}
