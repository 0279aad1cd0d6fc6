package org.relaxha.core.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.placement.PlacementRequest;

class ReasonsTest {

  @Test
  void sortedGivesTheRequestOrderWhetherOrNotTheInputIsInNameOrder() {
    for (long seed = 1; seed <= 50; seed++) {
      Random r = new Random(seed);
      List<PlacementRequest> requests =
          tiedRequests(r, 1 + r.nextInt(1200)); // both sides of GROUP_ABOVE
      List<PlacementRequest> expected = new ArrayList<>(requests);
      expected.sort(Reasons.ORDER);

      List<PlacementRequest> byName = new ArrayList<>(requests);
      byName.sort((a, b) -> a.vm().id().name().compareTo(b.vm().id().name()));
      List<PlacementRequest> shuffled = new ArrayList<>(requests);
      Collections.shuffle(shuffled, r);

      assertThat(Arrays.asList(Reasons.sorted(byName)))
          .as("seed %d, by name", seed)
          .isEqualTo(expected);
      assertThat(Arrays.asList(Reasons.sorted(shuffled)))
          .as("seed %d, shuffled", seed)
          .isEqualTo(expected);
    }
  }

  @Test
  void inNameOrderTiesOnPriorityAndDemandStayInNameOrder() {
    List<PlacementRequest> requests =
        List.of(request("a", 1, 2, 1024), request("b", 1, 2, 1024), request("c", 2, 1, 512));
    assertThat(Arrays.asList(Reasons.sorted(requests)))
        .extracting(p -> p.vm().id().name())
        .containsExactly("c", "a", "b");
  }

  @Test
  void anAssignmentsReasonGivesLoadsWithTwoDecimalsAndTheBootLimitOnlyWhenReached() {
    assertThat(Reasons.assigned(11.374, 48, 6, 126533, 0, Integer.MAX_VALUE))
        .isEqualTo("least loaded eligible host: load 11.37/48.00, 6 VM(s), 126533 MiB free");
    assertThat(Reasons.assigned(0.005, 4.1, 0, 0, 2, 2))
        .isEqualTo(
            "least loaded eligible host: load 0.01/4.10, 0 VM(s), 0 MiB free; over the boot"
                + " limit of 2 (every eligible host has reached it; this one already takes 2)");
    assertThat(Reasons.assigned(-1.5, 1e16, 1, 1, 0, 1))
        .isEqualTo("least loaded eligible host: load -1.50/1.0E16, 1 VM(s), 1 MiB free");
  }

  @Test
  void anAssignmentsReasonPrintsEveryLoadAsFixed2Does() {
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      double load = i < 1000 ? i / 1000.0 : r.nextDouble() * Math.pow(10, r.nextInt(8));
      double threshold = r.nextInt(4000) / 100.0 + (r.nextBoolean() ? 0.005 : 0);
      StringBuilder expected = new StringBuilder("least loaded eligible host: load ");
      Reasons.fixed2(expected, load).append('/');
      Reasons.fixed2(expected, threshold).append(", 3 VM(s), 42 MiB free");
      assertThat(Reasons.assigned(load, threshold, 3, 42, 0, 16))
          .as("load %s, threshold %s", load, threshold)
          .isEqualTo(expected.toString());
    }
  }

  /**
   * Few distinct priorities and demands, so most comparisons are ties settled by the name; names
   * are unique (ORDER leaves equal names to the input order) and not in input order.
   */
  private static List<PlacementRequest> tiedRequests(Random r, int count) {
    List<PlacementRequest> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(
          request(
              String.format("vm%04d-%d", r.nextInt(10_000), i),
              r.nextInt(3),
              0.5 * (1 + r.nextInt(3)),
              512L * (1 + r.nextInt(3))));
    }
    return out;
  }

  private static PlacementRequest request(String name, int priority, double cpus, long mem) {
    Vm vm = Vm.builder(name).demand(cpus, mem).restartPriority(priority).build();
    return new PlacementRequest(vm, Set.of());
  }
}
