package org.relaxha.spi.policy;

import java.time.Duration;
import org.relaxha.spi.Require;

/**
 * What happens when a host fails: how long to wait before fencing it, fencing retries, how many VMs
 * boot at once on one host and overall and how long a boot holds its slot, how often waiting VMs
 * are offered to placement again, and the safety valve.
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
 * @param fenceDelay how long a host declared down is given to come back before it is fenced (zero
 *     by default: fence at once); a host that answers again within it stands down. The 3RC
 *     controller, which first tried a reboot on the dead host and waited T1, behaves like a delay
 *     of T1
 * @param bootSlot how long a started VM holds its boot slot
 */
public record HostRecovery(
    int fenceAttempts,
    Duration fenceRetryDelay,
    int bootsPerHost,
    int parallelStarts,
    Duration placementRetry,
    SafetyValve valve,
    Duration fenceDelay,
    BootSlot bootSlot) {

  /** How long a started VM counts against the boot limits. */
  public enum BootSlot {
    /** Until it is seen up (or its start fails or times out): RelaxHA's default. */
    UNTIL_UP,
    /**
     * Only until its start command answers: the paper controllers issued their starts one after
     * another, each as soon as the previous one returned (their start blocked until the guest had
     * booted).
     */
    UNTIL_STARTED
  }

  /** Validates every field. */
  public HostRecovery {
    Require.atLeast(fenceAttempts, 1, "hostRecovery.fenceAttempts");
    Require.positive(fenceRetryDelay, "hostRecovery.fenceRetryDelay");
    Require.atLeast(bootsPerHost, 1, "hostRecovery.bootsPerHost");
    Require.atLeast(parallelStarts, 1, "hostRecovery.parallelStarts");
    Require.positive(placementRetry, "hostRecovery.placementRetry");
    Require.nonNull(valve, "hostRecovery.valve");
    Require.nonNegative(fenceDelay, "hostRecovery.fenceDelay");
    Require.nonNull(bootSlot, "hostRecovery.bootSlot");
  }

  /** Fencing at once, boot slots held until the VM is up. */
  public HostRecovery(
      int fenceAttempts,
      Duration fenceRetryDelay,
      int bootsPerHost,
      int parallelStarts,
      Duration placementRetry,
      SafetyValve valve) {
    this(
        fenceAttempts,
        fenceRetryDelay,
        bootsPerHost,
        parallelStarts,
        placementRetry,
        valve,
        Duration.ZERO,
        BootSlot.UNTIL_UP);
  }

  /**
   * 3 fence tries 10 s apart, no delay before fencing, 2 boots per host, 16 in parallel, each
   * holding its slot until the VM is up, retry placement every 30 s.
   */
  public static HostRecovery ofDefaults() {
    return new HostRecovery(
        3, Duration.ofSeconds(10), 2, 16, Duration.ofSeconds(30), SafetyValve.ofDefaults());
  }

  /** A copy with another delay before fencing. */
  public HostRecovery withFenceDelay(Duration delay) {
    return new HostRecovery(
        fenceAttempts,
        fenceRetryDelay,
        bootsPerHost,
        parallelStarts,
        placementRetry,
        valve,
        delay,
        bootSlot);
  }

  /** A copy whose boots hold their slot as {@code slot} says. */
  public HostRecovery withBootSlot(BootSlot slot) {
    return new HostRecovery(
        fenceAttempts,
        fenceRetryDelay,
        bootsPerHost,
        parallelStarts,
        placementRetry,
        valve,
        fenceDelay,
        slot);
  }
}
