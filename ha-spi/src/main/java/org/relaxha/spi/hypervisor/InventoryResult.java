package org.relaxha.spi.hypervisor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * What a hypervisor answered when asked which VMs a host has.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface InventoryResult {

  /** The host asked about. */
  HostId host();

  /** The host answered with its list of defined VMs (running or not). */
  record Listed(HostId host, List<VmStatus> vms, Instant at) implements InventoryResult {
    /** Validates and copies. */
    public Listed {
      Require.nonNull(host, "inventory.host");
      vms = List.copyOf(Require.nonNull(vms, "inventory.vms"));
      Require.nonNull(at, "inventory.at");
    }

    /** The state of one VM on this host; empty if the host does not know the VM. */
    public Optional<PowerState> stateOf(VmId vm) {
      return vms.stream().filter(s -> s.vm().equals(vm)).map(VmStatus::state).findFirst();
    }

    /** Whether the VM may be running on this host (running, paused, shutting down, unknown). */
    public boolean mayRun(VmId vm) {
      return stateOf(vm).map(PowerState::mayBeRunning).orElse(false);
    }
  }

  /** The host could not be asked (connection refused, timed out); nothing is known. */
  record Unreachable(HostId host, String reason) implements InventoryResult {
    /** Validates both fields. */
    public Unreachable {
      Require.nonNull(host, "inventory.host");
      Require.nonNull(reason, "inventory.reason");
    }
  }
}
