package org.relaxha.sim;

import java.time.Duration;
import org.relaxha.spi.Require;

/**
 * How the simulated hypervisors answer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param callLatency how long a call to a reachable host takes
 * @param unreachableLatency how long a call to a host that does not answer hangs before it fails
 * @param startBlocksUntilBooted whether a start (or power-cycle) returns only once the guest has
 *     booted, as {@code vmrun start} and the paper controllers' start scripts did; otherwise it
 *     returns once the VM is powered on
 */
public record HypervisorModel(
    Distribution callLatency, Duration unreachableLatency, boolean startBlocksUntilBooted) {
  /** Validates every field. */
  public HypervisorModel {
    Require.nonNull(callLatency, "hypervisor.callLatency");
    Require.nonNegative(unreachableLatency, "hypervisor.unreachableLatency");
  }

  /** 200 ms a call, 10 s to give up on a host that does not answer, non-blocking starts. */
  public static HypervisorModel ofDefaults() {
    return new HypervisorModel(
        Distribution.fixed(Duration.ofMillis(200)), Duration.ofSeconds(10), false);
  }
}
