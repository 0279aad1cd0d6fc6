package org.relaxha.core.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.placement.Assignment;
import org.relaxha.spi.placement.ClusterSnapshot;
import org.relaxha.spi.placement.Deferral;
import org.relaxha.spi.placement.HostSnapshot;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.placement.PlacementRequest;

/**
 * Checks a plan against the hard rules of the {@link org.relaxha.spi.placement.Placement} contract,
 * whatever placement produced it: every request answered exactly once, and no assignment to a host
 * that is unknown, down, in maintenance, excluded, unable to reach the VM's pool, over its load
 * threshold or capacity (counting the plan's earlier assignments) or already holding the VM's
 * anti-affinity group. Used by tests and by the benchmarks' correctness gate.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlanCheck {
  private PlanCheck() {}

  /** Every violation found, empty if the plan keeps the contract. */
  public static List<String> violations(
      ClusterSnapshot cluster, List<PlacementRequest> requests, PlacementPlan plan) {
    List<String> out = new ArrayList<>();
    Map<VmId, PlacementRequest> byVm = new HashMap<>();
    requests.forEach(r -> byVm.put(r.vm().id(), r));
    Set<VmId> answered = new HashSet<>();
    for (Assignment a : plan.assignments()) {
      if (!answered.add(a.vm())) {
        out.add(a.vm() + " answered twice");
      }
    }
    for (Deferral d : plan.waiting()) {
      if (!answered.add(d.vm())) {
        out.add(d.vm() + " answered twice");
      }
    }
    for (VmId vm : byVm.keySet()) {
      if (!answered.contains(vm)) {
        out.add(vm + " not answered");
      }
    }
    Map<HostId, State> hosts = new HashMap<>();
    cluster.hosts().forEach(h -> hosts.putIfAbsent(h.id(), new State(h)));
    for (Assignment a : plan.assignments()) {
      PlacementRequest r = byVm.get(a.vm());
      State h = hosts.get(a.host());
      if (r == null) {
        out.add(a.vm() + " was not requested");
      } else if (h == null) {
        out.add(a.vm() + " assigned to unknown host " + a.host());
      } else {
        h.check(r, out);
      }
    }
    return out;
  }

  private static final class State {
    final HostSnapshot s;
    double load;
    double cpus;
    long memory;
    final Set<String> groups;

    State(HostSnapshot s) {
      this.s = s;
      this.load = s.loadFive();
      this.cpus = s.used().cpus();
      this.memory = s.used().memoryMib();
      this.groups = new HashSet<>(s.antiAffinityGroups());
    }

    void check(PlacementRequest r, List<String> out) {
      Vm vm = r.vm();
      String where = vm.id() + " on " + s.id() + ": ";
      if (r.excluded().contains(s.id())) {
        out.add(where + "host excluded by the request");
      }
      if (!s.up() || s.maintenance()) {
        out.add(where + "host down or in maintenance");
      }
      if (vm.storagePool().isPresent() && !s.reachablePools().contains(vm.storagePool().get())) {
        out.add(where + "storage pool unreachable");
      }
      if (load + vm.demand().cpus() > s.host().loadThreshold()) {
        out.add(where + "load threshold exceeded");
      }
      if (cpus + vm.demand().cpus() > s.host().capacity().cpus() + 1e-9) {
        out.add(where + "CPU capacity exceeded");
      }
      if (memory + vm.demand().memoryMib() > s.host().capacity().memoryMib()) {
        out.add(where + "memory capacity exceeded");
      }
      if (vm.antiAffinityGroup().isPresent() && !groups.add(vm.antiAffinityGroup().get())) {
        out.add(where + "anti-affinity group " + vm.antiAffinityGroup().get() + " already there");
      }
      load += vm.demand().cpus();
      cpus += vm.demand().cpus();
      memory += vm.demand().memoryMib();
    }
  }
}
