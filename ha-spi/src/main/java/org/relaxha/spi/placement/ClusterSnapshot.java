package org.relaxha.spi.placement;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.relaxha.spi.Require;

/**
 * Every host as placement sees it at {@code at}, sorted by host id; each host once.
 *
 * <p>Immutable and thread-safe.
 */
public record ClusterSnapshot(List<HostSnapshot> hosts, Instant at) {
  /**
   * Validates, sorts by host id and copies.
   *
   * @throws IllegalArgumentException if a host appears twice
   */
  public ClusterSnapshot {
    Require.nonNull(hosts, "cluster.hosts");
    Require.nonNull(at, "cluster.at");
    hosts = hosts.stream().sorted(Comparator.comparing(HostSnapshot::id)).toList();
    for (int i = 1; i < hosts.size(); i++) {
      if (hosts.get(i).id().equals(hosts.get(i - 1).id())) {
        throw new IllegalArgumentException(
            "cluster.hosts: host " + hosts.get(i).id().name() + " appears twice");
      }
    }
  }
}
