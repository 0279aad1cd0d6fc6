package org.relaxha.core.engine;

import java.util.SortedSet;
import java.util.TreeSet;
import org.relaxha.core.collect.PMap;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.policy.HostRecovery;

/** Rebuilds the state's derived indexes (host index, start queue, boot counters, queue). */
final class Indexes {
  private Indexes() {}

  static EngineState rebuild(
      EngineState base,
      PMap<VmId, VmRecord> vms,
      PMap<HostId, HostRecord> hosts,
      PMap<ServiceId, ServiceRecord> services,
      EngineContext ctx,
      HostRecovery.BootSlot slot) {
    Topology topology = ctx.topology();
    PMap<HostId, PMap<VmId, Boolean>> byHost = PMap.emptyOver(ctx.hostKeys());
    PMap<HostId, Integer> boots = PMap.emptyOver(ctx.hostKeys());
    PMap<VmId, java.time.Instant> waiting = PMap.emptyOver(ctx.vmKeys());
    StartQueue queue = ctx.emptyStartQueue();
    int bootsTotal = 0;
    java.util.Map<HostId, SortedSet<VmId>> located = new java.util.TreeMap<>();
    for (VmRecord r : vms.values()) {
      r.location().ifPresent(h -> located.computeIfAbsent(h, x -> new TreeSet<>()).add(r.id()));
      if (booting(r, slot)) {
        HostId h = r.target().get();
        Integer n = boots.get(h);
        boots = boots.plus(h, n == null ? 1 : n + 1);
        bootsTotal++;
      }
      if (r.phase() == VmPhase.START_PENDING) {
        queue = queue.plus(topology.vms().get(r.id()), targetOf(r));
      }
      if (waits(r)) {
        waiting = waiting.plus(r.id(), r.waitingSince().orElse(base.now()));
      }
    }
    for (var e : located.entrySet()) {
      PMap<VmId, Boolean> set = PMap.empty();
      for (VmId vm : e.getValue()) {
        set = set.plus(vm, Boolean.TRUE);
      }
      byHost = byHost.plus(e.getKey(), set);
    }
    PMap<HostId, java.time.Instant> down = PMap.emptyOver(ctx.hostKeys());
    for (HostRecord h : hosts.values()) {
      if (h.health() == org.relaxha.spi.model.Health.DOWN && h.downSince().isPresent()) {
        down = down.plus(h.id(), h.downSince().get());
      }
    }
    PMap<Long, Command> inflight = base.inflight();
    return new EngineState(
        vms,
        hosts,
        services,
        byHost,
        inflight,
        queue,
        boots,
        bootsTotal,
        waiting,
        base.queueRetryAt(),
        down,
        base.valveTripped(),
        base.nextCommandId(),
        base.now());
  }

  /**
   * Whether the VM waits for capacity: from the first time no host could take it (QUEUED, which
   * sets {@code waitingSince}) until a host takes it or it gives up (both clear it), through the
   * retries that place it again (PLACING with {@code waitingSince}).
   */
  static boolean waits(VmRecord r) {
    return r.phase() == VmPhase.QUEUED
        || (r.phase() == VmPhase.PLACING && r.waitingSince().isPresent());
  }

  /** The host a VM waiting to start waits for. */
  static HostId targetOf(VmRecord waiting) {
    return waiting
        .target()
        .orElseThrow(
            () ->
                new IllegalStateException(waiting.id() + " waits to start without a target host"));
  }

  /**
   * Whether the VM holds a boot slot on its target: it is being started and, unless boots hold
   * their slot only until the start answers, not yet seen up.
   */
  static boolean booting(VmRecord r, HostRecovery.BootSlot slot) {
    return r.phase() == VmPhase.STARTING
        && r.target().isPresent()
        && (slot == HostRecovery.BootSlot.UNTIL_UP || r.pending() != 0);
  }
}
