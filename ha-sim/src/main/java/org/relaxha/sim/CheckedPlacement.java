package org.relaxha.sim;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Resources;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.placement.Assignment;
import org.relaxha.spi.placement.ClusterSnapshot;
import org.relaxha.spi.placement.HostSnapshot;
import org.relaxha.spi.placement.Placement;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.placement.PlacementRequest;

/**
 * A {@link Placement} that checks every plan of the placement it wraps against the snapshot it was
 * made on: no VM on a host that is down or in maintenance, none past a host's CPU or memory, none
 * that takes a host's projected 5-minute load past its threshold. A plan that breaks one is
 * reported (and still returned: the world refuses what does not fit).
 *
 * <p>Thread-safe if the wrapped placement and the sink are.
 */
final class CheckedPlacement implements Placement {
  private final Placement delegate;
  private final Consumer<String> breaks;

  CheckedPlacement(Placement delegate, Consumer<String> breaks) {
    this.delegate = delegate;
    this.breaks = breaks;
  }

  @Override
  public PlacementPlan place(
      ClusterSnapshot cluster, List<PlacementRequest> requests, Instant now) {
    PlacementPlan plan = delegate.place(cluster, requests, now);
    Map<HostId, HostSnapshot> hosts = new HashMap<>();
    cluster.hosts().forEach(h -> hosts.put(h.id(), h));
    Map<org.relaxha.spi.model.VmId, Vm> vms = new HashMap<>();
    requests.forEach(r -> vms.put(r.vm().id(), r.vm()));
    Map<HostId, Resources> added = new HashMap<>();
    for (Assignment a : plan.assignments()) {
      HostSnapshot h = hosts.get(a.host());
      Vm vm = vms.get(a.vm());
      if (h == null || vm == null) {
        breaks.accept("plan assigns " + a.vm() + " to " + a.host() + ", which was not asked");
        continue;
      }
      Resources total = added.merge(a.host(), vm.demand(), Resources::plus);
      if (!h.up() || h.maintenance()) {
        breaks.accept(a.vm() + " placed on " + a.host() + ", which is down or in maintenance");
      }
      if (h.used().cpus() + total.cpus() > h.host().capacity().cpus() + 1e-9
          || h.used().memoryMib() + total.memoryMib() > h.host().capacity().memoryMib()) {
        breaks.accept(a.vm() + " placed on " + a.host() + " past its capacity");
      }
      if (h.loadFive() + total.cpus() > h.host().loadThreshold() + 1e-9) {
        breaks.accept(
            String.format(
                java.util.Locale.ROOT,
                "%s placed on %s: projected load %.2f past its threshold %.2f",
                a.vm(),
                a.host(),
                h.loadFive() + total.cpus(),
                h.host().loadThreshold()));
      }
    }
    return plan;
  }

  @Override
  public String toString() {
    return "checked " + delegate;
  }
}
