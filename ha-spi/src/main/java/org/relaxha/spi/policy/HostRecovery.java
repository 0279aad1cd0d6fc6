package org.relaxha.spi.policy;

import java.time.Duration;
import org.relaxha.spi.Require;

/**
 * What happens when a host fails: fencing retries, how many VMs boot at once on one host and
 * overall, how often waiting VMs are offered to placement again, and the safety valve.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fenceAttempts fence tries before the host is reported unfenceable (then retried every
 *     {@code fenceRetryDelay} until an operator confirms it off or it comes back)
 * @param fenceRetryDelay wait between fence tries
 * @param bootsPerHost VMs booting at once on one target host
 * @param parallelStarts VMs booting at once in the whole cluster
 * @param placementRetry how often VMs that fit nowhere are offered to placement again
 * @param valve the mass-failure safety valve
 */
public record HostRecovery(
    int fenceAttempts,
    Duration fenceRetryDelay,
    int bootsPerHost,
    int parallelStarts,
    Duration placementRetry,
    SafetyValve valve) {

  /** Validates every field. */
  public HostRecovery {
    Require.atLeast(fenceAttempts, 1, "hostRecovery.fenceAttempts");
    Require.positive(fenceRetryDelay, "hostRecovery.fenceRetryDelay");
    Require.atLeast(bootsPerHost, 1, "hostRecovery.bootsPerHost");
    Require.atLeast(parallelStarts, 1, "hostRecovery.parallelStarts");
    Require.positive(placementRetry, "hostRecovery.placementRetry");
    Require.nonNull(valve, "hostRecovery.valve");
  }

  /** 3 fence tries 10 s apart, 2 boots per host, 16 in parallel, retry placement every 30 s. */
  public static HostRecovery ofDefaults() {
    return new HostRecovery(
        3, Duration.ofSeconds(10), 2, 16, Duration.ofSeconds(30), SafetyValve.ofDefaults());
  }
}
