package org.relaxha.core.runtime;

import java.time.Duration;
import org.relaxha.spi.Require;

/**
 * How long the controller waits for SPI calls and how it retries them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param call timeout of one ordinary call (start, stop, restart, notify...)
 * @param fence timeout of one fencing attempt (all fencers in turn)
 * @param retries extra tries after a retryable failure, an unreachable target or a timeout
 * @param backoff wait before the first retry; doubles with each further one
 */
public record Timeouts(Duration call, Duration fence, int retries, Duration backoff) {
  /** Validates every field. */
  public Timeouts {
    Require.positive(call, "timeouts.call");
    Require.positive(fence, "timeouts.fence");
    Require.atLeast(retries, 0, "timeouts.retries");
    Require.positive(backoff, "timeouts.backoff");
  }

  /** 30 s per call, 120 s per fencing attempt, 2 retries from 2 s. */
  public static Timeouts ofDefaults() {
    return new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(120), 2, Duration.ofSeconds(2));
  }
}
