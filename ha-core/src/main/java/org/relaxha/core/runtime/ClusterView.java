package org.relaxha.core.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.relaxha.core.engine.EngineState;
import org.relaxha.core.engine.HostRecord;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.Resources;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.placement.ClusterSnapshot;
import org.relaxha.spi.placement.HostSnapshot;

/**
 * What placement needs besides the engine state: each host's latest 5-minute load average (from
 * observations carrying {@link Observation#LOAD_FIVE}) and which storage pools each host currently
 * fails to reach. Builds the {@link ClusterSnapshot} a placement runs on.
 *
 * <p>Not thread-safe: used on the controller's loop.
 */
final class ClusterView {
  private final Topology topology;
  private final Map<HostId, Double> loadFive = new HashMap<>();
  private final Map<HostId, Set<String>> unreachablePools = new HashMap<>();

  ClusterView(Topology topology) {
    this.topology = topology;
  }

  void record(Observation o) {
    Double load = o.metrics().get(Observation.LOAD_FIVE);
    if (o.subject() instanceof HostId host && load != null && Double.isFinite(load) && load >= 0) {
      loadFive.put(host, load);
    }
  }

  void poolReachability(HostId host, String pool, boolean reachable) {
    Set<String> bad = unreachablePools.computeIfAbsent(host, h -> new TreeSet<>());
    if (reachable) {
      bad.remove(pool);
    } else {
      bad.add(pool);
    }
  }

  double loadOf(HostId host) {
    return loadFive.getOrDefault(host, 0.0);
  }

  ClusterSnapshot snapshot(EngineState state, Instant now) {
    Map<HostId, Resources> used = new HashMap<>();
    Map<HostId, Integer> count = new HashMap<>();
    Map<HostId, Set<String>> groups = new HashMap<>();
    for (Map.Entry<VmId, HostId> e : state.occupancy().entrySet()) {
      Vm vm = topology.vms().get(e.getKey());
      HostId host = e.getValue();
      used.merge(host, vm.demand(), Resources::plus);
      count.merge(host, 1, Integer::sum);
      vm.antiAffinityGroup()
          .ifPresent(g -> groups.computeIfAbsent(host, h -> new TreeSet<>()).add(g));
    }
    List<HostSnapshot> hosts = new ArrayList<>();
    for (Host h : topology.hosts().values()) {
      HostRecord r = state.host(h.id());
      Set<String> pools = new TreeSet<>(h.storagePools());
      pools.removeAll(unreachablePools.getOrDefault(h.id(), Set.of()));
      hosts.add(
          new HostSnapshot(
              h,
              r.usable(),
              r.maintenance(),
              used.getOrDefault(h.id(), Resources.ZERO),
              loadOf(h.id()),
              count.getOrDefault(h.id(), 0),
              groups.getOrDefault(h.id(), Set.of()),
              pools));
    }
    return new ClusterSnapshot(hosts, now);
  }
}
