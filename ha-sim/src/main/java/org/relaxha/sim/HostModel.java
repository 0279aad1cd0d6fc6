package org.relaxha.sim;

import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;

/**
 * How a simulated host behaves beyond its configured capacity: how much each VM already booting on
 * it slows a new boot (disk and CPU contention).
 *
 * <p>Immutable and thread-safe.
 *
 * @param host the host
 * @param bootContention a boot started while {@code k} others boot on the same host takes {@code 1
 *     + bootContention * k} times its drawn duration
 */
public record HostModel(HostId host, double bootContention) {
  /** Validates every field. */
  public HostModel {
    Require.nonNull(host, "host");
    Require.atLeast(bootContention, 0.0, "host " + host + ": bootContention");
  }

  /** Each boot in progress slows a new one by 20 %. */
  public static HostModel ofDefaults(HostId host) {
    return new HostModel(host, 0.2);
  }
}
