package org.relaxha.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.relaxha.core.placement.LoadAwarePlacement;
import org.relaxha.spi.fencing.FenceResult;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Resources;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.placement.ClusterSnapshot;
import org.relaxha.spi.placement.HostSnapshot;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.placement.PlacementRequest;
import org.relaxha.spi.policy.RecoveryPolicy;

/**
 * Drives the pure engine in virtual time for tests: feeds inputs, keeps every command, delivers
 * wake-ups when time is advanced, and answers placement requests with the real 3RC placement
 * against a snapshot built from the engine's own state.
 */
final class EngineHarness {
  static final Instant T0 = Instant.parse("2026-03-29T01:59:59.123Z");

  final Engine engine;
  final Topology topology;
  EngineState state;
  Instant now = T0;
  final List<Command> all = new ArrayList<>();
  final List<Decision> decisions = new ArrayList<>();
  private final PriorityQueue<Command.WakeMeAt> timers =
      new PriorityQueue<>(
          Comparator.comparing(Command.WakeMeAt::at).thenComparingLong(Command.WakeMeAt::id));
  private int seen;

  EngineHarness(Topology topology, RecoveryPolicy policy) {
    this.topology = topology;
    this.engine = new Engine(topology, policy);
    this.state = engine.initialState(T0);
  }

  Step give(Input input) {
    EngineState before = state;
    String beforeText = before.toString();
    Step step = engine.step(state, input);
    if (!before.toString().equals(beforeText)) {
      throw new AssertionError("the step changed its input state: " + input);
    }
    checkTouched(before, step);
    checkIndexes(step.state());
    state = step.state();
    all.addAll(step.commands());
    decisions.addAll(step.decisions());
    for (Command c : step.commands()) {
      if (c instanceof Command.WakeMeAt w) {
        timers.add(w);
      }
    }
    return step;
  }

  /** The indexes a step keeps up to date equal those rebuilt from the records. */
  private void checkIndexes(EngineState after) {
    EngineState rebuilt = engine.adopt(after);
    if (!rebuilt.vmsByHost().equals(after.vmsByHost())) {
      throw new AssertionError(
          "vmsByHost " + after.vmsByHost() + " rebuilt " + rebuilt.vmsByHost());
    }
    if (!rebuilt.startQueue().equals(after.startQueue())) {
      throw new AssertionError(
          "startQueue " + after.startQueue() + " rebuilt " + rebuilt.startQueue());
    }
    if (!rebuilt.bootsByHost().equals(after.bootsByHost())
        || rebuilt.bootsTotal() != after.bootsTotal()) {
      throw new AssertionError(
          "boots " + after.bootsByHost() + " rebuilt " + rebuilt.bootsByHost());
    }
    if (!rebuilt.waiting().equals(after.waiting())) {
      throw new AssertionError("waiting " + after.waiting() + " rebuilt " + rebuilt.waiting());
    }
    if (!rebuilt.downHosts().equals(after.downHosts())) {
      throw new AssertionError(
          "downHosts " + after.downHosts() + " rebuilt " + rebuilt.downHosts());
    }
    if (!rebuilt.equals(after)) {
      throw new AssertionError("indexes differ from a rebuild:\n" + after + "\n" + rebuilt);
    }
  }

  /** The step names, in subject order, every subject whose record it changed. */
  private static void checkTouched(EngineState before, Step step) {
    EngineState after = step.state();
    Set<SubjectId> changed = new TreeSet<>();
    after.vms().forEach((id, r) -> changedIf(changed, id, r, before.vms().get(id)));
    after.hosts().forEach((id, r) -> changedIf(changed, id, r, before.hosts().get(id)));
    after.services().forEach((id, r) -> changedIf(changed, id, r, before.services().get(id)));
    if (!step.touched().containsAll(changed)) {
      throw new AssertionError("changed " + changed + " but touched " + step.touched());
    }
    List<SubjectId> order = new ArrayList<>(step.touched());
    if (!order.equals(new ArrayList<>(new TreeSet<>(order)))) {
      throw new AssertionError("touched not in subject order: " + order);
    }
    if (!step.changed() && !step.touched().isEmpty()) {
      throw new AssertionError("unchanged step touched " + step.touched());
    }
  }

  private static void changedIf(Set<SubjectId> changed, SubjectId id, Object now, Object was) {
    if (!now.equals(was)) {
      changed.add(id);
    }
  }

  /** Commands issued since the last call. */
  List<Command> fresh() {
    List<Command> result = new ArrayList<>(all.subList(seen, all.size()));
    seen = all.size();
    return result;
  }

  /** Fresh commands without wake-ups, notifications and monitoring updates. */
  List<Command> freshActions() {
    return fresh().stream()
        .filter(
            c ->
                !(c instanceof Command.WakeMeAt
                    || c instanceof Command.Notify
                    || c instanceof Command.UpdateMonitoring))
        .toList();
  }

  <C extends Command> List<C> allOf(Class<C> type) {
    return all.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <C extends Command> C last(Class<C> type) {
    List<C> list = allOf(type);
    if (list.isEmpty()) {
      throw new AssertionError("no " + type.getSimpleName() + " issued; commands: " + all);
    }
    return list.get(list.size() - 1);
  }

  Step health(SubjectId subject, Health health) {
    return give(new Input.HealthChanged(subject, health, true, "test", now));
  }

  Step unreachable(VmId vm) {
    return give(new Input.HealthChanged(vm, Health.DOWN, false, "test: no answer", now));
  }

  Step allUp() {
    topology.hosts().keySet().forEach(h -> health(h, Health.UP));
    topology.vms().keySet().forEach(v -> health(v, Health.UP));
    topology.services().keySet().forEach(s -> health(s, Health.UP));
    fresh();
    return null;
  }

  Step complete(Command c, ActionResult result) {
    return give(new Input.ActionCompleted(c.id(), result, now));
  }

  Step done(Command c) {
    return complete(c, ActionResult.done("ok"));
  }

  Step fenced(Command.FenceHost c) {
    return give(new Input.FenceCompleted(c.id(), new FenceResult.Fenced("test", "off"), now));
  }

  Step fenceFailed(Command.FenceHost c) {
    return give(new Input.FenceCompleted(c.id(), new FenceResult.Failed("no answer"), now));
  }

  /** Declares {@code host} down and answers its fence command; returns the placement it asks. */
  Command.PlaceVms downAndFenced(HostId host) {
    health(host, Health.DOWN);
    fenced(last(Command.FenceHost.class));
    return last(Command.PlaceVms.class);
  }

  /** Answers a placement request with the real 3RC placement over the engine's occupancy. */
  Step placed(Command.PlaceVms c) {
    return give(new Input.PlacementDecided(c.id(), plan(c), now));
  }

  PlacementPlan plan(Command.PlaceVms c) {
    List<HostSnapshot> hosts = new ArrayList<>();
    var occupancy = state.occupancy();
    for (Host h : topology.hosts().values()) {
      HostRecord r = state.host(h.id());
      Resources used = Resources.ZERO;
      int count = 0;
      java.util.Set<String> groups = new java.util.TreeSet<>();
      for (var e : occupancy.entrySet()) {
        if (e.getValue().equals(h.id())) {
          var vm = topology.vms().get(e.getKey());
          used = used.plus(vm.demand());
          count++;
          vm.antiAffinityGroup().ifPresent(groups::add);
        }
      }
      hosts.add(
          new HostSnapshot(
              h, r.usable(), r.maintenance(), used, 0, count, groups, h.storagePools()));
    }
    List<PlacementRequest> requests =
        c.requests().stream()
            .map(r -> new PlacementRequest(topology.vms().get(r.vm()), r.avoid()))
            .toList();
    return new LoadAwarePlacement().place(new ClusterSnapshot(hosts, now), requests, now);
  }

  /** Moves time forward, delivering every due wake-up in order. */
  void advance(Duration d) {
    Instant until = now.plus(d);
    while (!timers.isEmpty() && !timers.peek().at().isAfter(until)) {
      Command.WakeMeAt w = timers.poll();
      if (w.at().isAfter(now)) {
        now = w.at();
      }
      give(new Input.TimerFired(w.subject(), now));
    }
    now = until;
  }

  VmRecord vm(String name) {
    return state.vm(VmId.of(name));
  }

  HostRecord host(String name) {
    return state.host(HostId.of(name));
  }

  boolean decided(Predicate<Decision> p) {
    return decisions.stream().anyMatch(p);
  }

  Optional<Command.Notify> notification(Predicate<Command.Notify> p) {
    return allOf(Command.Notify.class).stream().filter(p).findFirst();
  }
}
