package org.relaxha.sim;

import java.time.Duration;
import org.relaxha.spi.Require;

/**
 * The simulated out-of-band fencing device (an IPMI BMC per host): it powers a host off, also when
 * the host's own network is cut.
 *
 * <p>Immutable and thread-safe.
 *
 * @param enabled whether the hosts have one; without it only hypervisor fencing (destroying the VMs
 *     through a hypervisor that still answers) can prove a host off
 * @param latency how long one power-off takes
 * @param failureRate the chance that one attempt fails (the BMC does not answer)
 */
public record FencingModel(boolean enabled, Distribution latency, double failureRate) {
  /** Validates every field. */
  public FencingModel {
    Require.nonNull(latency, "fencing.latency");
    Require.inRange(failureRate, 0.0, 1.0, "fencing.failureRate");
  }

  /** IPMI on every host, 2 to 5 s a power-off, never failing by itself. */
  public static FencingModel ofDefaults() {
    return new FencingModel(true, Distribution.uniformSeconds(2, 5), 0.0);
  }

  /** No fencing device. */
  public static FencingModel none() {
    return new FencingModel(false, Distribution.fixed(Duration.ZERO), 0.0);
  }
}
