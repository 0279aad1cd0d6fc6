package org.relaxha.core.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.relaxha.spi.model.Resources;
import org.relaxha.spi.placement.ClusterSnapshot;
import org.relaxha.spi.placement.Deferral;
import org.relaxha.spi.placement.HostSnapshot;
import org.relaxha.spi.placement.Placement;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.placement.PlacementRequest;

/** The indexed placement returns exactly the scan's plan. */
class IndexedPlacementPropertiesTest {

  private static int limit(int choice) {
    return choice == 0 ? Integer.MAX_VALUE : choice;
  }

  private static LoadAwarePlacement oracle(int bootLimit) {
    return bootLimit == Integer.MAX_VALUE
        ? new LoadAwarePlacement()
        : LoadAwarePlacement.spreading(bootLimit);
  }

  @Property(tries = 400)
  void indexedEqualsTheScan(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 40) int hosts,
      @ForAll @IntRange(min = 0, max = 60) int vms,
      @ForAll @IntRange(min = 0, max = 3) int pools,
      @ForAll @IntRange(min = 0, max = 3) int groups,
      @ForAll @IntRange(min = 0, max = 3) int tightness,
      @ForAll @IntRange(min = 0, max = 3) int bootLimitChoice) {
    Random r = new Random(seed);
    ClusterSnapshot cluster = RandomClusters.cluster(r, hosts, pools, groups);
    List<PlacementRequest> requests =
        RandomClusters.requests(r, vms, hosts, pools, groups, tightness);
    int bootLimit = limit(bootLimitChoice);
    PlacementPlan expected = oracle(bootLimit).place(cluster, requests, RandomClusters.NOW);
    Placement indexed =
        bootLimit == Integer.MAX_VALUE
            ? new IndexedPlacement()
            : IndexedPlacement.spreading(bootLimit);
    assertThat(indexed.place(cluster, requests, RandomClusters.NOW)).isEqualTo(expected);
    assertThat(PlanCheck.violations(cluster, requests, expected)).isEmpty();
  }

  /** Large clusters: deeper trees, many ties. */
  @Property(tries = 40)
  void indexedEqualsTheScanOnLargerClusters(
      @ForAll long seed,
      @ForAll @IntRange(min = 100, max = 600) int hosts,
      @ForAll @IntRange(min = 50, max = 400) int vms,
      @ForAll @IntRange(min = 0, max = 3) int tightness,
      @ForAll @IntRange(min = 0, max = 2) int bootLimitChoice) {
    Random r = new Random(seed);
    ClusterSnapshot cluster = RandomClusters.cluster(r, hosts, 2, 3);
    List<PlacementRequest> requests = RandomClusters.requests(r, vms, hosts, 2, 3, tightness);
    int bootLimit = limit(bootLimitChoice);
    PlacementPlan expected = oracle(bootLimit).place(cluster, requests, RandomClusters.NOW);
    assertThat(PlacementIndex.of(cluster, bootLimit).place(requests)).isEqualTo(expected);
  }

  /** More pools than the index has bits for: the extra pools get trees of their own. */
  @Property(tries = 60)
  void indexedEqualsTheScanWithManyPools(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 60) int hosts,
      @ForAll @IntRange(min = 1, max = 80) int vms) {
    Random r = new Random(seed);
    ClusterSnapshot cluster = RandomClusters.cluster(r, hosts, 70, 2);
    List<PlacementRequest> requests = RandomClusters.requests(r, vms, hosts, 70, 2, 1);
    PlacementPlan expected = new LoadAwarePlacement().place(cluster, requests, RandomClusters.NOW);
    assertThat(new IndexedPlacement().place(cluster, requests, RandomClusters.NOW))
        .isEqualTo(expected);
  }

  /**
   * A long-lived index with more pools than bits: a plan that builds a pool's tree mid-plan, and
   * the plans after it, still leave the index as they found it.
   */
  @Property(tries = 60)
  void aLongLivedIndexWithManyPoolsIsLeftAsItWas(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 60) int hosts,
      @ForAll @IntRange(min = 1, max = 80) int vms) {
    Random r = new Random(seed);
    ClusterSnapshot cluster = RandomClusters.cluster(r, hosts, 70, 2);
    PlacementIndex index = PlacementIndex.of(cluster);
    List<PlacementRequest> first = RandomClusters.requests(r, vms, hosts, 70, 2, 1);
    List<PlacementRequest> second = RandomClusters.requests(r, vms, hosts, 70, 2, 1);
    LoadAwarePlacement scan = new LoadAwarePlacement();
    PlacementPlan firstPlan = scan.place(cluster, first, RandomClusters.NOW);
    assertThat(index.place(first)).isEqualTo(firstPlan);
    assertThat(index.place(second)).isEqualTo(scan.place(cluster, second, RandomClusters.NOW));
    assertThat(index.place(first)).isEqualTo(firstPlan);
  }

  /** Over capacity: the same VMs wait, for the same reasons, and the rest go to the same hosts. */
  @Property(tries = 150)
  void overCapacityWaitsForTheSameReasons(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 30) int hosts,
      @ForAll @IntRange(min = 30, max = 120) int vms) {
    Random r = new Random(seed);
    ClusterSnapshot cluster = RandomClusters.cluster(r, hosts, 2, 2);
    List<PlacementRequest> requests = RandomClusters.requests(r, vms, hosts, 2, 2, 3);
    PlacementPlan expected = new LoadAwarePlacement().place(cluster, requests, RandomClusters.NOW);
    PlacementPlan actual = new IndexedPlacement().place(cluster, requests, RandomClusters.NOW);
    assertThat(actual.waiting()).isEqualTo(expected.waiting());
    assertThat(actual).isEqualTo(expected);
    for (Deferral d : actual.waiting()) {
      int counted = d.excludedBy().values().stream().mapToInt(Integer::intValue).sum();
      assertThat(counted).isEqualTo(hosts);
    }
  }

  /** A long-lived index, updated host by host, plans like the scan on the updated cluster. */
  @Property(tries = 150)
  void aLongLivedIndexFollowsUpdates(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 40) int hosts,
      @ForAll @IntRange(min = 0, max = 40) int vms,
      @ForAll @IntRange(min = 1, max = 20) int rounds) {
    Random r = new Random(seed);
    ClusterSnapshot cluster = RandomClusters.cluster(r, hosts, 2, 2);
    PlacementIndex index = PlacementIndex.of(cluster);
    List<HostSnapshot> current = new ArrayList<>(cluster.hosts());
    for (int round = 0; round < rounds; round++) {
      int h = r.nextInt(hosts);
      HostSnapshot s = current.get(h);
      if (r.nextBoolean()) {
        double load = r.nextInt(17) * 0.25;
        index.updateLoad(s.id(), load);
        s =
            new HostSnapshot(
                s.host(),
                s.up(),
                s.maintenance(),
                s.used(),
                load,
                s.vmCount(),
                s.antiAffinityGroups(),
                s.reachablePools());
      } else {
        HostSnapshot fresh = RandomClusters.host(r, h, 2, 2);
        s =
            new HostSnapshot(
                s.host(),
                fresh.up(),
                fresh.maintenance(),
                Resources.of(
                    Math.min(s.host().capacity().cpus(), fresh.used().cpus()),
                    Math.min(s.host().capacity().memoryMib(), fresh.used().memoryMib())),
                fresh.loadFive(),
                fresh.vmCount(),
                fresh.antiAffinityGroups(),
                r.nextInt(4) == 0 ? fresh.reachablePools() : s.reachablePools());
        index.update(s);
      }
      current.set(h, s);
      ClusterSnapshot now = new ClusterSnapshot(current, RandomClusters.NOW);
      List<PlacementRequest> requests = RandomClusters.requests(r, vms, hosts, 2, 2, 1);
      PlacementPlan expected = new LoadAwarePlacement().place(now, requests, RandomClusters.NOW);
      assertThat(index.place(requests)).isEqualTo(expected);
      // place() undoes its projection: the same batch gives the same plan again.
      assertThat(index.place(requests)).isEqualTo(expected);
    }
  }
}
