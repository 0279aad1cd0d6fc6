package org.relaxha.spi.policy;

import java.time.Duration;
import org.relaxha.spi.Require;

/**
 * How a failed service is recovered: restart it up to {@code maxRestarts} times, waiting {@code
 * restartTimeout} after each for it to come back, then either hand over to its VM's ladder or give
 * up and notify.
 *
 * <p>Immutable and thread-safe.
 */
public record ServiceLadder(int maxRestarts, Duration restartTimeout, boolean escalateToVm) {
  /** Validates every field. */
  public ServiceLadder {
    Require.atLeast(maxRestarts, 0, "serviceLadder.maxRestarts");
    Require.positive(restartTimeout, "serviceLadder.restartTimeout");
  }

  /** Three restarts, one minute each, then the VM ladder. */
  public static ServiceLadder ofDefaults() {
    return new ServiceLadder(3, Duration.ofMinutes(1), true);
  }
}
