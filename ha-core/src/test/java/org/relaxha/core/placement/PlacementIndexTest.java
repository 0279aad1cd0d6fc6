package org.relaxha.core.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Resources;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.placement.ClusterSnapshot;
import org.relaxha.spi.placement.HostSnapshot;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.placement.PlacementRequest;

class PlacementIndexTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static HostSnapshot host(String name, double load, int cpus) {
    Host h = Host.builder(name).capacity(cpus, 65_536).loadThreshold(100).build();
    return new HostSnapshot(h, true, false, Resources.of(0, 0), load, 0, Set.of(), Set.of());
  }

  private static List<PlacementRequest> requests(Vm... vms) {
    return java.util.Arrays.stream(vms).map(PlacementRequest::of).toList();
  }

  private static Vm vm(String name, int cpus) {
    return Vm.builder(name).demand(cpus, 1024).build();
  }

  @Test
  void aHostFilledByAPlanServesTheNextPlanAgain() {
    ClusterSnapshot cluster =
        new ClusterSnapshot(List.of(host("idle", 0.0, 4), host("busy", 1.0, 64)), NOW);
    PlacementIndex index = PlacementIndex.of(cluster);
    // "big" fills the idle host for the rest of the plan.
    List<PlacementRequest> first = requests(vm("big", 4), vm("a", 2), vm("b", 2), vm("c", 2));
    PlacementPlan plan = index.place(first);
    assertThat(plan).isEqualTo(new LoadAwarePlacement().place(cluster, first, NOW));
    assertThat(plan.hostOf(vm("big", 4).id())).contains(HostId.of("idle"));
    assertThat(plan.hostOf(vm("c", 2).id())).contains(HostId.of("busy"));
    // The next plan starts from the cluster as it is: the idle host is empty and least loaded.
    List<PlacementRequest> second = requests(vm("small", 1));
    PlacementPlan next = index.place(second);
    assertThat(next.hostOf(vm("small", 1).id())).contains(HostId.of("idle"));
    assertThat(next).isEqualTo(new LoadAwarePlacement().place(cluster, second, NOW));
  }

  @Test
  void aHostTooFullForTheLargestVmStillTakesASmallerOneLaterInThePlan() {
    ClusterSnapshot cluster =
        new ClusterSnapshot(List.of(host("idle", 0.0, 3), host("busy", 1.0, 64)), NOW);
    List<PlacementRequest> batch = requests(vm("large", 4), vm("medium", 3), vm("tiny", 1));
    PlacementPlan plan = PlacementIndex.of(cluster).place(batch);
    assertThat(plan).isEqualTo(new LoadAwarePlacement().place(cluster, batch, NOW));
    assertThat(plan.hostOf(vm("large", 4).id())).contains(HostId.of("busy"));
    assertThat(plan.hostOf(vm("medium", 3).id())).contains(HostId.of("idle"));
    assertThat(plan.hostOf(vm("tiny", 1).id())).contains(HostId.of("busy"));
  }

  @Test
  void aLoadOfMinusZeroTiesWithZeroAndTheVmCountDecidesAsInTheScan() {
    Host h = Host.builder("crowded").capacity(8, 65_536).loadThreshold(100).build();
    HostSnapshot crowded =
        new HostSnapshot(h, true, false, Resources.of(0, 0), -0.0, 5, Set.of(), Set.of());
    ClusterSnapshot cluster = new ClusterSnapshot(List.of(crowded, host("empty", 0.0, 8)), NOW);
    List<PlacementRequest> batch = requests(vm("a", 1));
    PlacementIndex index = PlacementIndex.of(cluster);
    PlacementPlan plan = index.place(batch);
    assertThat(plan).isEqualTo(new LoadAwarePlacement().place(cluster, batch, NOW));
    assertThat(plan.hostOf(vm("a", 1).id())).contains(HostId.of("empty"));
    // The same tie after a load update.
    index.updateLoad(HostId.of("empty"), 1.0);
    index.updateLoad(HostId.of("empty"), -0.0);
    assertThat(index.place(batch).hostOf(vm("a", 1).id())).contains(HostId.of("empty"));
  }
}
