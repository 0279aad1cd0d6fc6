package org.relaxha.spi.placement;

import java.util.Set;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Resources;

/**
 * One host as placement sees it at an instant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param host the host's configuration (capacity, load threshold, pools)
 * @param up whether the detector judges it UP
 * @param maintenance whether it is in maintenance (configured or set by an operator)
 * @param used resources taken by the VMs it runs or has been assigned
 * @param loadFive its measured 5-minute load average (0 if unknown)
 * @param vmCount how many VMs it runs or has been assigned
 * @param antiAffinityGroups the anti-affinity groups of those VMs
 * @param reachablePools the storage pools it can reach now
 */
public record HostSnapshot(
    Host host,
    boolean up,
    boolean maintenance,
    Resources used,
    double loadFive,
    int vmCount,
    Set<String> antiAffinityGroups,
    Set<String> reachablePools) {

  /** Validates and copies. */
  public HostSnapshot {
    Require.nonNull(host, "hostSnapshot.host");
    Require.nonNull(used, "hostSnapshot.used");
    Require.atLeast(loadFive, 0.0, "hostSnapshot.loadFive");
    Require.atLeast(vmCount, 0, "hostSnapshot.vmCount");
    antiAffinityGroups = Set.copyOf(antiAffinityGroups);
    reachablePools = Set.copyOf(reachablePools);
  }

  /** The host's id. */
  public HostId id() {
    return host.id();
  }

  /** Capacity not yet used. */
  public Resources free() {
    return host.capacity().minus(used);
  }
}
