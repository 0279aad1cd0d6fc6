package org.relaxha.benchmarks.placement;

import java.util.List;
import org.relaxha.core.placement.IndexedPlacement;
import org.relaxha.core.placement.LoadAwarePlacement;
import org.relaxha.core.placement.PlacementIndex;
import org.relaxha.spi.placement.ClusterSnapshot;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.placement.PlacementRequest;

/**
 * What P1 to P3 share: the implementation under test, chosen by the {@code impl} parameter.
 *
 * <ul>
 *   <li>{@code scan}: {@link LoadAwarePlacement}, the linear scan (baseline and oracle);
 *   <li>{@code index}: a long-lived {@link PlacementIndex} built once from the snapshot, as a
 *       controller that keeps its cluster view indexed would use it ({@code place} undoes its
 *       projection, so every invocation starts from the same index);
 *   <li>{@code spi}: {@link IndexedPlacement} through the SPI, which indexes the snapshot on every
 *       call ({@code O(M)}) before placing.
 * </ul>
 */
final class PlacementBench {
  static final int SCAN = 0;
  static final int INDEX = 1;
  static final int SPI = 2;

  private PlacementBench() {}

  static int mode(String impl) {
    switch (impl) {
      case "scan":
        return SCAN;
      case "index":
        return INDEX;
      case "spi":
        return SPI;
      default:
        throw new IllegalArgumentException("impl: scan, index or spi, not " + impl);
    }
  }

  static PlacementPlan place(
      int mode, ClusterSnapshot cluster, PlacementIndex index, List<PlacementRequest> batch) {
    switch (mode) {
      case SCAN:
        return SCAN_PLACEMENT.place(cluster, batch, Data.NOW);
      case INDEX:
        return index.place(batch);
      default:
        return SPI_PLACEMENT.place(cluster, batch, Data.NOW);
    }
  }

  static final LoadAwarePlacement SCAN_PLACEMENT = new LoadAwarePlacement();
  static final IndexedPlacement SPI_PLACEMENT = new IndexedPlacement();
}
