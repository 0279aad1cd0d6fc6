package org.relaxha.spi.placement;

import java.util.List;
import java.util.Optional;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * The result of a placement: where each VM goes, in the order they were placed, and which VMs wait.
 *
 * <p>Immutable and thread-safe.
 */
public record PlacementPlan(List<Assignment> assignments, List<Deferral> waiting) {
  /** Validates and copies. */
  public PlacementPlan {
    assignments = List.copyOf(Require.nonNull(assignments, "plan.assignments"));
    waiting = List.copyOf(Require.nonNull(waiting, "plan.waiting"));
  }

  /** The host assigned to {@code vm}, if any. */
  public Optional<HostId> hostOf(VmId vm) {
    return assignments.stream().filter(a -> a.vm().equals(vm)).map(Assignment::host).findFirst();
  }
}
