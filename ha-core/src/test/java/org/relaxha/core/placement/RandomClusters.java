package org.relaxha.core.placement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Resources;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.placement.ClusterSnapshot;
import org.relaxha.spi.placement.HostSnapshot;
import org.relaxha.spi.placement.PlacementRequest;

/**
 * Random clusters and batches for the placement properties: coarse values so that scores tie often,
 * every constraint in play, and a {@code tightness} that pushes batches over capacity.
 */
final class RandomClusters {
  static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");

  private RandomClusters() {}

  static HostSnapshot host(Random r, int i, int pools, int groups) {
    double cpus = 2 + r.nextInt(7) * 2;
    long mem = 1024L * (2 + r.nextInt(15));
    Host.Builder b =
        Host.builder(String.format("h%03d", i))
            .capacity(cpus, mem)
            .loadThreshold(r.nextInt(4) == 0 ? cpus : cpus * (1 + r.nextInt(3)) / 2.0);
    Set<String> reach = new HashSet<>();
    for (int p = 0; p < pools; p++) {
      if (r.nextInt(3) > 0) {
        b.storagePool("p" + p);
        if (r.nextInt(6) > 0) {
          reach.add("p" + p);
        }
      }
    }
    Host h = b.build();
    int vms = r.nextInt(5);
    double usedCpu = Math.min(cpus, vms * (0.5 * (1 + r.nextInt(4))));
    long usedMem = Math.min(mem, vms * 512L * (1 + r.nextInt(4)));
    Set<String> gs = new HashSet<>();
    for (int g = 0; g < groups; g++) {
      if (r.nextInt(4) == 0) {
        gs.add("g" + g);
      }
    }
    double load = r.nextInt(3) == 0 ? 0.0 : r.nextInt(17) * 0.25 + (r.nextInt(8) == 0 ? 0.1 : 0);
    return new HostSnapshot(
        h,
        r.nextInt(10) > 0,
        r.nextInt(12) == 0,
        Resources.of(usedCpu, usedMem),
        load,
        vms,
        gs,
        reach);
  }

  static ClusterSnapshot cluster(Random r, int hosts, int pools, int groups) {
    List<HostSnapshot> list = new ArrayList<>();
    for (int i = 0; i < hosts; i++) {
      list.add(host(r, i, pools, groups));
    }
    return new ClusterSnapshot(list, NOW);
  }

  /** A batch; {@code tightness} 0..3 makes demands larger (3: many VMs fit nowhere). */
  static List<PlacementRequest> requests(
      Random r, int vms, int hosts, int pools, int groups, int tightness) {
    List<PlacementRequest> out = new ArrayList<>();
    for (int i = 0; i < vms; i++) {
      Vm.Builder b =
          Vm.builder(String.format("vm%03d-%d", r.nextInt(4) == 0 ? r.nextInt(1000) : i, i))
              .demand(
                  0.5 * (1 + r.nextInt(2 + 2 * tightness)), 256L * (1 + r.nextInt(4 << tightness)))
              .restartPriority(r.nextInt(3));
      if (pools > 0 && r.nextBoolean()) {
        b.storagePool("p" + r.nextInt(pools + 1));
      }
      if (groups > 0 && r.nextInt(3) == 0) {
        b.antiAffinityGroup("g" + r.nextInt(groups));
      }
      Set<HostId> excluded = new HashSet<>();
      if (hosts > 0 && r.nextInt(3) == 0) {
        excluded.add(HostId.of(String.format("h%03d", r.nextInt(hosts))));
      }
      out.add(new PlacementRequest(b.build(), excluded));
    }
    return out;
  }
}
