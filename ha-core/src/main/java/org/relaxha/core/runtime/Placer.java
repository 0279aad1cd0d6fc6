package org.relaxha.core.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relaxha.core.engine.Command;
import org.relaxha.core.engine.EngineState;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.placement.Deferral;
import org.relaxha.spi.placement.Placement;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.placement.PlacementRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a {@link Placement} for a {@link Command.PlaceVms} on the current cluster view. */
final class Placer {
  private static final Logger LOG = LoggerFactory.getLogger(Placer.class);

  private Placer() {}

  static PlacementPlan plan(
      Placement placement,
      ClusterView cluster,
      EngineState state,
      Topology topology,
      Command.PlaceVms command,
      Instant now) {
    List<PlacementRequest> requests = new ArrayList<>();
    for (Command.PlaceRequest r : command.requests()) {
      requests.add(new PlacementRequest(topology.vms().get(r.vm()), r.avoid()));
    }
    try {
      return placement.place(cluster.snapshot(state, now), requests, now);
    } catch (RuntimeException e) {
      LOG.error("placement {} failed; the VMs wait and are offered again", placement, e);
      List<Deferral> waiting = new ArrayList<>();
      requests.forEach(r -> waiting.add(new Deferral(r.vm().id(), Map.of())));
      return new PlacementPlan(List.of(), waiting);
    }
  }
}
