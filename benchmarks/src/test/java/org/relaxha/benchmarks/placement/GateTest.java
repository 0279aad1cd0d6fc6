package org.relaxha.benchmarks.placement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaxha.core.placement.LoadAwarePlacement;
import org.relaxha.spi.placement.Assignment;
import org.relaxha.spi.placement.ClusterSnapshot;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.placement.PlacementRequest;

class GateTest {
  private final ClusterSnapshot cluster = Data.cluster(1, 50, 1, 0.5);
  private final List<PlacementRequest> batch = Data.failedVms(2, 30, 1, 8, 16);
  private final PlacementPlan oracle = new LoadAwarePlacement().place(cluster, batch, Data.NOW);

  @Test
  void theOraclesOwnPlanPasses() {
    Gate.check("t", cluster, batch, oracle, oracle);
    Gate.checkCached("GateTest-ok", cluster, batch, oracle, () -> oracle);
    Gate.checkCached("GateTest-ok", cluster, batch, oracle, () -> oracle);
  }

  @Test
  void aDifferentPlanFails() {
    List<Assignment> swapped = new ArrayList<>(oracle.assignments());
    Assignment a = swapped.get(0);
    Assignment b = swapped.get(1);
    swapped.set(0, new Assignment(a.vm(), b.host(), a.reason()));
    swapped.set(1, new Assignment(b.vm(), a.host(), b.reason()));
    PlacementPlan wrong = new PlacementPlan(swapped, oracle.waiting());
    assertThatThrownBy(() -> Gate.check("t", cluster, batch, wrong, oracle))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Gate.checkCached("GateTest-diff", cluster, batch, wrong, () -> oracle))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GateTest-diff");
  }

  @Test
  void aConstraintViolationFails() {
    List<Assignment> onDownHost = new ArrayList<>(oracle.assignments());
    Assignment a = onDownHost.get(0);
    onDownHost.set(0, new Assignment(a.vm(), Data.hostId(0), a.reason()));
    PlacementPlan wrong = new PlacementPlan(onDownHost, oracle.waiting());
    assertThatThrownBy(() -> Gate.check("t", cluster, batch, wrong, wrong))
        .hasMessageContaining("violation");
  }

  @Test
  void noPlanFails() {
    assertThatThrownBy(() -> Gate.check("t", cluster, batch, null, oracle))
        .hasMessageContaining("no plan");
  }
}
