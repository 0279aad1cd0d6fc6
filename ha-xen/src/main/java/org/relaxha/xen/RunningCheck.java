package org.relaxha.xen;

import java.util.Optional;
import org.relaxha.spi.Require;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * The answer to "is this domain running on host H", asked of H's libvirt directly: the fencing
 * check a controller can use while H still answers (ha-core's hypervisor fencer reaches the same
 * conclusion through {@code inventory()}, whose states are equally precise). Only {@link
 * NotRunning} proves that starting the VM elsewhere cannot run it twice on H.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface RunningCheck {

  /** The host asked. */
  HostId host();

  /** The VM asked about. */
  VmId vm();

  /** Whether the VM is proven not to run on the host. */
  default boolean provenNotRunning() {
    return this instanceof NotRunning;
  }

  /** It runs there, or may (paused, being shut down, state unknown): it may hold its disks. */
  record Running(HostId host, VmId vm, PowerState state) implements RunningCheck {
    /** Validates every field. */
    public Running {
      Require.nonNull(host, "host");
      Require.nonNull(vm, "vm");
      Require.nonNull(state, "state");
    }
  }

  /** The host answered: the VM is off there (shut off or crashed), or not defined there at all. */
  record NotRunning(HostId host, VmId vm, Optional<PowerState> state) implements RunningCheck {
    /** Validates every field. */
    public NotRunning {
      Require.nonNull(host, "host");
      Require.nonNull(vm, "vm");
      Require.nonNull(state, "state");
    }
  }

  /** The host did not answer, or answered with an error: nothing is proven. */
  record Unknown(HostId host, VmId vm, String reason) implements RunningCheck {
    /** Validates every field. */
    public Unknown {
      Require.nonNull(host, "host");
      Require.nonNull(vm, "vm");
      Require.nonNull(reason, "reason");
    }
  }
}
