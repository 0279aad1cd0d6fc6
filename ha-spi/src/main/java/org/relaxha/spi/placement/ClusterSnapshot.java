package org.relaxha.spi.placement;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.relaxha.spi.Require;

/**
 * Every host as placement sees it at {@code at}, sorted by host id.
 *
 * <p>Immutable and thread-safe.
 */
public record ClusterSnapshot(List<HostSnapshot> hosts, Instant at) {
  /** Validates, sorts by host id and copies. */
  public ClusterSnapshot {
    Require.nonNull(hosts, "cluster.hosts");
    Require.nonNull(at, "cluster.at");
    hosts = hosts.stream().sorted(Comparator.comparing(HostSnapshot::id)).toList();
  }
}
