package org.relaxha.core.placement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.placement.Assignment;
import org.relaxha.spi.placement.ClusterSnapshot;
import org.relaxha.spi.placement.Constraint;
import org.relaxha.spi.placement.Deferral;
import org.relaxha.spi.placement.HostSnapshot;
import org.relaxha.spi.placement.Placement;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.placement.PlacementRequest;

/**
 * The 3RC choice rule as a linear scan over every host, for every VM.
 *
 * <p><b>Order.</b> VMs are placed by restart priority (highest first), then CPU demand, then memory
 * demand (largest first), then name.
 *
 * <p><b>Hard constraints</b>, checked in {@link Constraint} order: not excluded by the request,
 * host up, not in maintenance, the VM's storage pool reachable, projected 5-minute load below the
 * host's threshold, free CPU and free memory enough, no VM of the same anti-affinity group.
 *
 * <p><b>Score</b> (lower wins): projected 5-minute load, then VM count, then free memory after
 * placement (more wins), then host name. "Projected" means measured plus what this plan already put
 * there: each VM placed on a host adds its CPU demand to the host's load, one to its VM count, its
 * demand to its used resources and its group to its groups.
 *
 * <p><b>Boot limit</b> (optional, {@link #spreading(int)}): a batch (the VMs of a failed host or
 * rack) is spread so that no host takes more than {@code bootLimit} of its VMs while another
 * eligible host has taken fewer: before the score, hosts below the limit win over hosts at or above
 * it. It never makes a VM wait: when every eligible host has reached the limit the best of them
 * takes the VM and the reason says so. Without it (the default) the rule is 3RC's.
 *
 * <p>This class is the reference (the "oracle") for {@link IndexedPlacement}, which returns the
 * same plans in about {@code O(log M)} per VM instead of {@code O(M)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class LoadAwarePlacement implements Placement {

  /** The order in which VMs are placed. */
  public static final Comparator<PlacementRequest> ORDER = Reasons.ORDER;

  private final int bootLimit;

  /** The 3RC rule with no boot limit. */
  public LoadAwarePlacement() {
    this(Integer.MAX_VALUE);
  }

  private LoadAwarePlacement(int bootLimit) {
    this.bootLimit = Require.atLeast(bootLimit, 1, "bootLimit");
  }

  /** The 3RC rule spreading each batch with a per-host boot limit (see the class comment). */
  public static LoadAwarePlacement spreading(int bootLimit) {
    return new LoadAwarePlacement(bootLimit);
  }

  /** The boot limit per host and batch ({@link Integer#MAX_VALUE}: none). */
  public int bootLimit() {
    return bootLimit;
  }

  @Override
  public PlacementPlan place(
      ClusterSnapshot cluster, List<PlacementRequest> requests, Instant now) {
    List<Candidate> hosts = new ArrayList<>();
    cluster.hosts().forEach(h -> hosts.add(new Candidate(h, bootLimit)));
    List<PlacementRequest> ordered = new ArrayList<>(requests);
    ordered.sort(ORDER);
    List<Assignment> assignments = new ArrayList<>();
    List<Deferral> waiting = new ArrayList<>();
    for (PlacementRequest request : ordered) {
      Map<Constraint, Integer> excluded = new EnumMap<>(Constraint.class);
      Candidate best = null;
      for (Candidate c : hosts) {
        Optional<Constraint> why = c.excludes(request);
        if (why.isPresent()) {
          excluded.merge(why.get(), 1, Integer::sum);
        } else if (best == null || c.scoreBefore(best, request.vm())) {
          best = c;
        }
      }
      if (best == null) {
        waiting.add(new Deferral(request.vm().id(), excluded));
      } else {
        assignments.add(
            new Assignment(request.vm().id(), best.snapshot.id(), best.why(request.vm())));
        best.take(request.vm());
      }
    }
    return new PlacementPlan(assignments, waiting);
  }

  @Override
  public String toString() {
    return "LoadAwarePlacement (3RC rule, linear scan"
        + (bootLimit == Integer.MAX_VALUE ? ")" : ", boot limit " + bootLimit + ")");
  }

  /** A host with what this plan has put on it so far. */
  private static final class Candidate {
    final HostSnapshot snapshot;
    double load;
    int vmCount;
    double usedCpus;
    long usedMemory;
    final Set<String> groups;
    final int bootLimit;
    int placed;

    Candidate(HostSnapshot snapshot, int bootLimit) {
      this.snapshot = snapshot;
      this.bootLimit = bootLimit;
      this.load = snapshot.loadFive();
      this.vmCount = snapshot.vmCount();
      this.usedCpus = snapshot.used().cpus();
      this.usedMemory = snapshot.used().memoryMib();
      this.groups = new HashSet<>(snapshot.antiAffinityGroups());
    }

    Optional<Constraint> excludes(PlacementRequest request) {
      Vm vm = request.vm();
      if (request.excluded().contains(snapshot.id())) {
        return Optional.of(Constraint.EXCLUDED);
      }
      if (!snapshot.up()) {
        return Optional.of(Constraint.HOST_DOWN);
      }
      if (snapshot.maintenance()) {
        return Optional.of(Constraint.MAINTENANCE);
      }
      if (vm.storagePool().isPresent()
          && !snapshot.reachablePools().contains(vm.storagePool().get())) {
        return Optional.of(Constraint.STORAGE);
      }
      if (load + vm.demand().cpus() > snapshot.host().loadThreshold()) {
        return Optional.of(Constraint.LOAD);
      }
      if (usedCpus + vm.demand().cpus() > snapshot.host().capacity().cpus() + 1e-9) {
        return Optional.of(Constraint.CPU);
      }
      if (usedMemory + vm.demand().memoryMib() > snapshot.host().capacity().memoryMib()) {
        return Optional.of(Constraint.MEMORY);
      }
      if (vm.antiAffinityGroup().isPresent() && groups.contains(vm.antiAffinityGroup().get())) {
        return Optional.of(Constraint.ANTI_AFFINITY);
      }
      return Optional.empty();
    }

    boolean scoreBefore(Candidate other, Vm vm) {
      boolean full = placed >= bootLimit;
      if (full != (other.placed >= bootLimit)) {
        return !full;
      }
      if (load != other.load) {
        return load < other.load;
      }
      if (vmCount != other.vmCount) {
        return vmCount < other.vmCount;
      }
      long free = freeMemory();
      long otherFree = other.freeMemory();
      if (free != otherFree) {
        return free > otherFree;
      }
      return snapshot.id().compareTo(other.snapshot.id()) < 0;
    }

    long freeMemory() {
      return snapshot.host().capacity().memoryMib() - usedMemory;
    }

    String why(Vm vm) {
      return Reasons.assigned(
          load, snapshot.host().loadThreshold(), vmCount, freeMemory(), placed, bootLimit);
    }

    void take(Vm vm) {
      load += vm.demand().cpus();
      vmCount++;
      placed++;
      usedCpus += vm.demand().cpus();
      usedMemory += vm.demand().memoryMib();
      vm.antiAffinityGroup().ifPresent(groups::add);
    }
  }
}
