package org.relaxha.core.placement;

import java.time.Instant;
import java.util.List;
import org.relaxha.spi.Require;
import org.relaxha.spi.placement.ClusterSnapshot;
import org.relaxha.spi.placement.Placement;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.placement.PlacementRequest;

/**
 * The 3RC rule of {@link LoadAwarePlacement}, indexed: the same plans (a property test compares
 * them on random clusters, batches and constraint mixes), each VM placed in about {@code O(log M)}
 * for {@code M} hosts. Each call indexes the snapshot ({@code O(M)}, about the cost of building the
 * snapshot itself) and then places the batch; a caller that keeps a cluster between plans can keep
 * a {@link PlacementIndex} instead and update it host by host.
 *
 * <p>Immutable and thread-safe: every call builds its own index.
 */
public final class IndexedPlacement implements Placement {
  private final int bootLimit;

  /** The 3RC rule with no boot limit, indexed. */
  public IndexedPlacement() {
    this(Integer.MAX_VALUE);
  }

  private IndexedPlacement(int bootLimit) {
    this.bootLimit = Require.atLeast(bootLimit, 1, "bootLimit");
  }

  /** The indexed form of {@link LoadAwarePlacement#spreading(int)}. */
  public static IndexedPlacement spreading(int bootLimit) {
    return new IndexedPlacement(bootLimit);
  }

  /** The boot limit per host and batch ({@link Integer#MAX_VALUE}: none). */
  public int bootLimit() {
    return bootLimit;
  }

  @Override
  public PlacementPlan place(
      ClusterSnapshot cluster, List<PlacementRequest> requests, Instant now) {
    Require.nonNull(requests, "requests");
    return PlacementIndex.of(cluster, bootLimit).placeOnce(requests);
  }

  @Override
  public String toString() {
    return "IndexedPlacement (3RC rule, branch and bound over a host tree"
        + (bootLimit == Integer.MAX_VALUE ? ")" : ", boot limit " + bootLimit + ")");
  }
}
