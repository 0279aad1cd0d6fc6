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
import org.relaxha.spi.placement.Constraint;
import org.relaxha.spi.placement.HostSnapshot;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.placement.PlacementRequest;

class LoadAwarePlacementTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final LoadAwarePlacement placement = new LoadAwarePlacement();

  private static HostSnapshot host(String name, double load, int vms, boolean up, String... pools) {
    Host h = Host.builder(name).capacity(8, 16384).loadThreshold(8).build();
    return new HostSnapshot(
        h, up, false, Resources.of(vms, vms * 1024L), load, vms, Set.of(), Set.of(pools));
  }

  private PlacementPlan place(List<HostSnapshot> hosts, Vm... vms) {
    return placement.place(
        new ClusterSnapshot(hosts, NOW),
        java.util.Arrays.stream(vms).map(PlacementRequest::of).toList(),
        NOW);
  }

  @Test
  void leastLoadedThenFewestVms() {
    PlacementPlan plan =
        place(
            List.of(host("a", 2.0, 1, true), host("b", 0.5, 3, true), host("c", 0.5, 2, true)),
            Vm.builder("x").build());
    assertThat(plan.hostOf(Vm.builder("x").build().id())).contains(HostId.of("c"));
    assertThat(plan.assignments().get(0).reason()).contains("load 0.50");
  }

  @Test
  void projectedLoadSpreadsABatch() {
    PlacementPlan plan =
        place(
            List.of(host("a", 0.0, 0, true), host("b", 0.0, 0, true)),
            Vm.builder("v1").demand(2, 512).build(),
            Vm.builder("v2").demand(2, 512).build());
    assertThat(plan.assignments())
        .extracting(a -> a.host().name())
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void hardConstraintsExcludeAndWaitingVmsSayWhy() {
    PlacementPlan plan =
        place(
            List.of(
                host("down", 0, 0, false), host("busy", 7.5, 1, true), host("nopool", 0, 0, true)),
            Vm.builder("x").storagePool("san").build());
    assertThat(plan.assignments()).isEmpty();
    assertThat(plan.waiting())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.excludedBy())
                  .containsEntry(Constraint.HOST_DOWN, 1)
                  .containsEntry(Constraint.STORAGE, 2);
              assertThat(d.reason()).isEqualTo("no host fits: HOST_DOWN x1, STORAGE x2");
            });
  }

  @Test
  void antiAffinitySeparatesGroupMembers() {
    PlacementPlan plan =
        place(
            List.of(host("a", 0, 0, true), host("b", 1, 0, true)),
            Vm.builder("db1").antiAffinityGroup("db").build(),
            Vm.builder("db2").antiAffinityGroup("db").build(),
            Vm.builder("db3").antiAffinityGroup("db").build());
    assertThat(plan.assignments()).extracting(a -> a.host().name()).containsExactly("a", "b");
    assertThat(plan.waiting())
        .singleElement()
        .satisfies(d -> assertThat(d.excludedBy()).containsEntry(Constraint.ANTI_AFFINITY, 2));
  }

  @Test
  void higherPriorityIsPlacedFirst() {
    PlacementPlan plan =
        place(
            List.of(host("a", 0, 7, true)),
            Vm.builder("low").build(),
            Vm.builder("high").restartPriority(5).build());
    assertThat(plan.assignments()).extracting(a -> a.vm().name()).containsExactly("high");
    assertThat(plan.waiting()).extracting(d -> d.vm().name()).containsExactly("low");
  }

  @Test
  void aBootLimitSpreadsABatchWithoutMakingAnyVmWait() {
    Host idle = Host.builder("idle").capacity(32, 65536).loadThreshold(100).build();
    Host busy = Host.builder("busy").capacity(32, 65536).loadThreshold(100).build();
    ClusterSnapshot cluster =
        new ClusterSnapshot(
            List.of(
                new HostSnapshot(idle, true, false, Resources.ZERO, 0, 0, Set.of(), Set.of()),
                new HostSnapshot(busy, true, false, Resources.ZERO, 10, 0, Set.of(), Set.of())),
            NOW);
    List<PlacementRequest> batch =
        java.util.stream.IntStream.range(0, 6)
            .mapToObj(i -> PlacementRequest.of(Vm.builder("v" + i).build()))
            .toList();
    assertThat(placement.place(cluster, batch, NOW).assignments())
        .extracting(a -> a.host().name())
        .containsOnly("idle");
    PlacementPlan spread = LoadAwarePlacement.spreading(2).place(cluster, batch, NOW);
    assertThat(spread.assignments())
        .extracting(a -> a.host().name())
        .containsExactly("idle", "idle", "busy", "busy", "idle", "idle");
    assertThat(spread.waiting()).isEmpty();
    assertThat(spread.assignments().get(4).reason()).contains("over the boot limit of 2");
    assertThat(IndexedPlacement.spreading(2).place(cluster, batch, NOW)).isEqualTo(spread);
  }
}
