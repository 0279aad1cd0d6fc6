package org.relaxha.benchmarks.placement;

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
 * Seeded clusters and batches for the placement benchmarks: four storage pools (each host reaches
 * two or three), 200 anti-affinity groups, 2% of hosts down and 1% in maintenance, loads spread
 * over the hosts' whole range so that load, capacity and pool constraints all bite.
 */
public final class Data {
  /** The instant every snapshot is taken at. */
  public static final Instant NOW = Instant.parse("2026-05-04T03:02:01Z");

  static final int POOLS = 4;
  static final int GROUPS = 200;

  private Data() {}

  /** A host name in index order. */
  public static HostId hostId(int i) {
    return HostId.of(String.format("h%05d", i));
  }

  /**
   * {@code hosts} hosts; the first {@code failed} are down (the failed host or rack). {@code
   * fullness} in [0, 1) is the share of each host's capacity already used.
   */
  public static ClusterSnapshot cluster(long seed, int hosts, int failed, double fullness) {
    Random r = new Random(seed);
    List<HostSnapshot> list = new ArrayList<>(hosts);
    for (int i = 0; i < hosts; i++) {
      int cpus = r.nextBoolean() ? 32 : 64;
      long mem = 1024L * (cpus == 32 ? 192 : 384);
      Host.Builder b = Host.builder(hostId(i).name()).capacity(cpus, mem).loadThreshold(cpus * 1.5);
      Set<String> reach = new HashSet<>();
      int first = r.nextInt(POOLS);
      int pools = 2 + r.nextInt(2);
      for (int p = 0; p < pools; p++) {
        String pool = "p" + ((first + p) % POOLS);
        b.storagePool(pool);
        reach.add(pool);
      }
      double used = fullness * (0.6 + 0.8 * r.nextDouble());
      int vms = (int) Math.round(used * cpus / 2);
      Set<String> groups = new HashSet<>();
      for (int g = 0; g < Math.min(vms, 3); g++) {
        if (r.nextInt(4) == 0) {
          groups.add("g" + r.nextInt(GROUPS));
        }
      }
      double load = Math.min(cpus * 1.4, used * cpus * (0.5 + r.nextDouble()));
      boolean up = i >= failed && r.nextInt(50) > 0;
      boolean maintenance = r.nextInt(100) == 0;
      list.add(
          new HostSnapshot(
              b.build(),
              up,
              maintenance,
              Resources.of(Math.min(cpus, used * cpus), Math.min(mem, (long) (used * mem))),
              Math.round(load * 100) / 100.0,
              vms,
              groups,
              reach));
    }
    return new ClusterSnapshot(list, NOW);
  }

  /**
   * The VMs of the failed hosts {@code 0..failedHosts-1}, {@code count} in all, each excluding its
   * own host: 1 to {@code maxCpus} CPUs, 1 to {@code maxGiB} GiB, priority 0 to 3, 70% on a pool,
   * 20% in an anti-affinity group.
   */
  public static List<PlacementRequest> failedVms(
      long seed, int count, int failedHosts, int maxCpus, int maxGiB) {
    Random r = new Random(seed ^ 0x5DEECE66DL);
    List<PlacementRequest> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int cpus = 1 + r.nextInt(maxCpus);
      Vm.Builder b =
          Vm.builder(String.format("vm%06d", i))
              .demand(cpus, 1024L * (1 + r.nextInt(maxGiB)))
              .restartPriority(r.nextInt(4));
      if (r.nextInt(10) < 7) {
        b.storagePool("p" + r.nextInt(POOLS));
      }
      if (r.nextInt(5) == 0) {
        b.antiAffinityGroup("g" + r.nextInt(GROUPS));
      }
      out.add(new PlacementRequest(b.build(), Set.of(hostId(i % Math.max(1, failedHosts)))));
    }
    return out;
  }
}
