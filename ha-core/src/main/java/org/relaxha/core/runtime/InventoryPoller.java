package org.relaxha.core.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.relaxha.core.engine.EngineState;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.hypervisor.InventoryResult;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every hypervisor host for its inventory at a fixed interval (and once at start) and tells
 * the engine where VMs run: a VM running on one host other than the one the engine knows is
 * relocated in its records; a VM whose location is unknown and runs on no host (every host having
 * answered) is recorded as off. A VM running on two hosts at once is reported to the administrators
 * at once. The same round renews disk leases and checks storage reachability.
 *
 * <p>Thread-safe: results are handed to the controller's loop.
 */
final class InventoryPoller {
  private static final Logger LOG = LoggerFactory.getLogger(InventoryPoller.class);

  private final HaController controller;
  private final Wiring wiring;
  private final Topology topology;
  private final CallRunner calls;
  private final Duration timeout;
  private final StartGuard guard;
  private final Set<VmId> reportedSplit = new HashSet<>();
  private volatile boolean stopped;
  private Cancellable next;

  InventoryPoller(
      HaController controller,
      Wiring wiring,
      Topology topology,
      CallRunner calls,
      Duration timeout,
      StartGuard guard) {
    this.controller = controller;
    this.wiring = wiring;
    this.topology = topology;
    this.calls = calls;
    this.timeout = timeout;
    this.guard = guard;
  }

  /** Polls now, then every {@code interval}. */
  void pollEvery(Duration interval) {
    if (stopped) {
      return;
    }
    poll();
    next = controller.scheduler().at(controller.now().plus(interval), () -> pollEvery(interval));
  }

  void stop() {
    stopped = true;
    if (next != null) {
      next.cancel();
    }
  }

  private void poll() {
    Map<HostId, Hypervisor> hosts = new HashMap<>();
    wiring.hypervisors().forEach(h -> h.hosts().forEach(host -> hosts.put(host, h)));
    if (hosts.isEmpty()) {
      return;
    }
    calls.run(
        "inventory of " + hosts.size() + " host(s)",
        () -> collect(hosts),
        timeout.multipliedBy(Math.max(1, hosts.size())),
        outcome -> {
          if (outcome instanceof CallRunner.Outcome.Returned<Round> r) {
            controller.submit(() -> reconcile(r.value()));
          } else {
            LOG.warn("inventory round failed: {}", outcome);
          }
        });
  }

  /** One round of answers, collected on a call thread. */
  record Round(Map<HostId, InventoryResult> results, Map<HostId, Map<String, Boolean>> pools) {}

  private Round collect(Map<HostId, Hypervisor> hosts) {
    Map<HostId, InventoryResult> results = new HashMap<>();
    for (Map.Entry<HostId, Hypervisor> e : hosts.entrySet()) {
      InventoryResult r;
      try {
        r = e.getValue().inventory(e.getKey());
      } catch (RuntimeException ex) {
        r = new InventoryResult.Unreachable(e.getKey(), "threw " + ex);
      }
      results.put(e.getKey(), r);
    }
    guard.renewLeases();
    return new Round(results, checkPools());
  }

  private Map<HostId, Map<String, Boolean>> checkPools() {
    Map<HostId, Map<String, Boolean>> pools = new HashMap<>();
    if (wiring.storage().isEmpty()) {
      return pools;
    }
    Map<String, Vm> samples = new HashMap<>();
    topology.vms().values().forEach(v -> v.storagePool().ifPresent(p -> samples.putIfAbsent(p, v)));
    topology
        .hosts()
        .values()
        .forEach(
            h -> {
              for (String pool : h.storagePools()) {
                Vm sample = samples.get(pool);
                if (sample != null) {
                  ActionResult r = wiring.storage().get().canReach(h.id(), sample);
                  pools.computeIfAbsent(h.id(), x -> new HashMap<>()).put(pool, r.succeeded());
                }
              }
            });
    return pools;
  }

  /** On the loop: tells the engine what the round proved. */
  private void reconcile(Round round) {
    round
        .pools()
        .forEach(
            (host, pools) ->
                pools.forEach((pool, ok) -> controller.poolReachability(host, pool, ok)));
    boolean everyoneAnswered =
        round.results().values().stream().allMatch(r -> r instanceof InventoryResult.Listed);
    EngineState state = controller.engineState();
    for (Vm vm : topology.vms().values()) {
      Set<HostId> running = new TreeSet<>();
      round
          .results()
          .forEach(
              (host, r) -> {
                if (r instanceof InventoryResult.Listed l && l.mayRun(vm.id())) {
                  running.add(host);
                }
              });
      if (running.size() > 1) {
        splitBrain(vm.id(), running);
        continue;
      }
      reportedSplit.remove(vm.id());
      var record = state.vm(vm.id());
      if (running.size() == 1) {
        HostId host = running.iterator().next();
        if (!record.location().equals(Optional.of(host))) {
          controller.locate(vm.id(), Optional.of(host));
        }
      } else if (everyoneAnswered && !record.locationKnown()) {
        controller.locate(vm.id(), Optional.empty());
      } else {
        reportOff(vm.id(), record.location(), round);
      }
    }
  }

  /**
   * A VM whose host answered and does not run it is down, whatever the monitors say (it may have
   * crashed while no controller was listening to the hypervisor's events).
   */
  private void reportOff(VmId vm, Optional<HostId> location, Round round) {
    if (location.isEmpty()
        || !(round.results().get(location.get()) instanceof InventoryResult.Listed listed)) {
      return;
    }
    String state = listed.stateOf(vm).map(Enum::name).orElse("not defined");
    controller.observe(
        new Observation(
                vm,
                ObservedStatus.UNREACHABLE,
                listed.at(),
                "inventory",
                "hypervisor inventory: " + state + " on " + location.get(),
                java.util.Map.of(),
                false)
            .asAuthoritative());
  }

  private void splitBrain(VmId vm, Set<HostId> hosts) {
    String text = "VM " + vm + " is running on " + hosts.size() + " hosts at once: " + hosts;
    if (reportedSplit.add(vm)) {
      LOG.error("{}; RelaxHA does not choose which to stop: an administrator must", text);
      controller.warn(text);
      var note =
          new org.relaxha.spi.notify.Notification(
              org.relaxha.spi.notify.Severity.CRITICAL,
              Optional.of(vm),
              "Split brain: " + vm,
              text + ". RelaxHA does not choose which copy to stop: an administrator must.",
              controller.now());
      for (var n : wiring.notifiers()) {
        calls.run("notify " + n.name(), () -> n.send(note), timeout, outcome -> {});
      }
    }
  }
}
