package org.relaxha.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.relaxha.core.collect.PMap;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.notify.Notification;
import org.relaxha.spi.notify.Severity;
import org.relaxha.spi.policy.HostRecovery;
import org.relaxha.spi.policy.VmLadder;

/**
 * The working copy of the state during one engine step: reads and writes records (checking each
 * phase change against {@link Transitions}), keeps the host index and boot counters in step,
 * allocates command ids and collects commands and decisions. Lives for one step only.
 *
 * <p>Not thread-safe; pure (no I/O, no clock).
 */
final class Transaction {
  final EngineContext ctx;
  final Instant now;
  private final EngineState base;

  /** The VM and host records, written in batches: a step's writes copy each trie node once. */
  private final PMap.Batch<VmId, VmRecord> vms;

  private final PMap.Batch<HostId, HostRecord> hosts;
  private PMap<ServiceId, ServiceRecord> services;
  private final PMap.Batch<HostId, PMap<VmId, Boolean>> vmsByHost;

  /**
   * The host whose VM set the step changed last, with that set, not yet written back into {@link
   * #vmsByHost}: a failed host's VMs all leave it in one step, so its set goes back into the index
   * once instead of once per VM. Null when nothing is pending.
   */
  private HostId indexedHost;

  private PMap<VmId, Boolean> indexedSet;

  /**
   * VMs that left {@link #indexedHost} and are still in {@link #indexedSet}, each once (a VM leaves
   * a host's set only while located there, so it cannot leave twice before it comes back, and
   * coming back applies them first). When a host's VMs all leave, as a fenced host's do, the set is
   * dropped whole instead of deleting them one by one from a persistent tree.
   */
  private VmId[] leaving = new VmId[16];

  private int leavingCount;
  private PMap<Long, Command> inflight;
  private StartQueue startQueue;

  /**
   * The owner of the start queue's nodes this step created: its queue updates write those in place
   * (see {@link PMap.Batch}). The queue leaves the step only in its final state, and every read
   * during the step takes what it needs out of it.
   */
  private final PMap.Owner queueOwner = new PMap.Owner();

  private final PMap.Batch<HostId, Integer> bootsByHost;
  private int bootsTotal;
  private PMap<VmId, Instant> waiting;
  private Optional<Instant> queueRetryAt;
  private PMap<HostId, Instant> downHosts;
  private boolean valveTripped;
  private long nextCommandId;
  private final List<Command> commands = new ArrayList<>();
  private final List<Decision> decisions = new ArrayList<>();
  private boolean dirty;
  private final SubjectSet.Collector touched;

  private HostRecovery hostRecovery;

  /**
   * The current record of the VM read or written last (matched by id identity): a rule reads a VM
   * and then writes it, so the write finds its previous record without a second map lookup.
   */
  private VmRecord lastVm;

  boolean startsMayDispatch;

  Transaction(EngineContext ctx, EngineState state, Instant at) {
    this.ctx = ctx;
    this.base = state;
    this.now = at.isAfter(state.now()) ? at : state.now();
    this.vms = new PMap.Batch<>(state.vms());
    this.hosts = new PMap.Batch<>(state.hosts());
    this.services = state.services();
    this.vmsByHost = new PMap.Batch<>(state.vmsByHost());
    this.inflight = state.inflight();
    this.startQueue = state.startQueue();
    this.bootsByHost = new PMap.Batch<>(state.bootsByHost());
    this.bootsTotal = state.bootsTotal();
    this.waiting = state.waiting();
    this.queueRetryAt = state.queueRetryAt();
    this.downHosts = state.downHosts();
    this.valveTripped = state.valveTripped();
    this.nextCommandId = state.nextCommandId();
    this.touched = new SubjectSet.Collector(ctx);
  }

  // ---- reads

  VmRecord vm(VmId id) {
    VmRecord last = lastVm;
    if (last != null && last.id() == id) {
      return last;
    }
    VmRecord r = vms.get(id);
    if (r != null) {
      lastVm = r;
    }
    return r;
  }

  HostRecord host(HostId id) {
    return hosts.get(id);
  }

  ServiceRecord service(ServiceId id) {
    return services.get(id);
  }

  Vm spec(VmId id) {
    return ctx.spec(id);
  }

  VmLadder ladder(VmId id) {
    return ctx.policy().vmLadder(spec(id), now);
  }

  /** The policy's host recovery at this step's instant, asked once per step. */
  HostRecovery hostRecovery() {
    if (hostRecovery == null) {
      hostRecovery = ctx.policy().hostRecovery(now);
    }
    return hostRecovery;
  }

  /** The VMs located on {@code host}, in name order. */
  List<VmId> vmsOn(HostId host) {
    if (host.equals(indexedHost)) {
      applyLeaving();
      return indexedSet.keys();
    }
    PMap<VmId, Boolean> on = vmsByHost.get(host);
    return on == null ? List.of() : on.keys();
  }

  /** The hosts whose verdict is DOWN, with when they went down. */
  PMap<HostId, Instant> downHosts() {
    return downHosts;
  }

  /** How many hosts there are. */
  int hostCount() {
    return hosts.size();
  }

  Iterable<HostRecord> allHosts() {
    return hosts.values();
  }

  PMap<VmId, Instant> waiting() {
    return waiting;
  }

  /** The VMs waiting to start on {@code host}, in start order, as a list of their own. */
  Iterable<VmId> startsOn(HostId host) {
    return startQueue.on(host);
  }

  /**
   * The first waiting VM whose target host passes {@code hasSlot} ({@link StartQueue#firstOnHost}),
   * read in place: the queue is not handed out, so the step goes on writing in place the queue's
   * nodes it has copied already.
   */
  VmId firstToStart(Predicate<HostId> hasSlot) {
    return startQueue.firstOnHost(hasSlot);
  }

  /** How many VMs wait for a boot slot. */
  int startsWaiting() {
    return startQueue.size();
  }

  int bootsOn(HostId host) {
    Integer n = bootsByHost.get(host);
    return n == null ? 0 : n;
  }

  int bootsTotal() {
    return bootsTotal;
  }

  boolean valveTripped() {
    return valveTripped;
  }

  Optional<Instant> queueRetryAt() {
    return queueRetryAt;
  }

  boolean isInflight(long id) {
    return id != 0 && inflight.containsKey(id);
  }

  // ---- writes

  void put(VmRecord next) {
    VmRecord prev = vm(next.id());
    Transitions.VM.check(next.id(), prev.phase(), next.phase());
    if (!prev.location().equals(next.location())) {
      if (prev.location().isPresent()) {
        index(prev.location().get(), next.id(), false);
      }
      if (next.location().isPresent()) {
        index(next.location().get(), next.id(), true);
      }
    }
    updateBoots(prev, next);
    updateWaiting(prev, next);
    updateStartQueue(prev, next);
    vms.put(next.id(), next);
    lastVm = next;
    touch(next.id(), !next.equals(prev));
  }

  void put(HostRecord next) {
    HostRecord prev = hosts.get(next.id());
    Transitions.HOST.check(next.id(), prev.phase(), next.phase());
    hosts.put(next.id(), next);
    boolean down = next.health() == Health.DOWN && next.downSince().isPresent();
    downHosts =
        down ? downHosts.plus(next.id(), next.downSince().get()) : downHosts.minus(next.id());
    touch(next.id(), !next.equals(prev));
  }

  void put(ServiceRecord next) {
    ServiceRecord prev = services.get(next.id());
    Transitions.SERVICE.check(next.id(), prev.phase(), next.phase());
    services = services.plus(next.id(), next);
    touch(next.id(), !next.equals(prev));
  }

  private void touch(SubjectId id, boolean changed) {
    if (changed) {
      dirty = true;
      touched.add(id);
    }
  }

  void setValveTripped(boolean tripped) {
    dirty |= tripped != valveTripped;
    valveTripped = tripped;
  }

  void setQueueRetryAt(Optional<Instant> at) {
    dirty |= !at.equals(queueRetryAt);
    queueRetryAt = at;
  }

  /** Allocates an id, records the command as in flight if it awaits an outcome, and emits it. */
  <C extends Command> C issue(LongFunction<C> factory) {
    C command = factory.apply(nextCommandId++);
    if (command.awaitsOutcome()) {
      inflight = inflight.plus(command.id(), command);
    }
    commands.add(command);
    dirty = true;
    return command;
  }

  /** Removes and returns the in-flight command {@code id}, or null if it is unknown. */
  Command complete(long id) {
    Command command = inflight.get(id);
    if (command != null) {
      inflight = inflight.minus(id);
      dirty = true;
    }
    return command;
  }

  void wake(SubjectId subject, Instant at, String why) {
    issue(id -> new Command.WakeMeAt(id, Optional.of(subject), at, why));
  }

  void wakeQueue(Instant at) {
    setQueueRetryAt(Optional.of(at));
    issue(id -> new Command.WakeMeAt(id, Optional.empty(), at, "retry placement of waiting VMs"));
  }

  void decide(SubjectId subject, String action, String reason) {
    decisions.add(new Decision(now, Optional.ofNullable(subject), action, reason));
  }

  void notify(Severity severity, SubjectId subject, String title, String message) {
    Notification n = new Notification(severity, Optional.ofNullable(subject), title, message, now);
    issue(id -> new Command.Notify(id, n, title));
  }

  void monitoring(MonitoringUpdate update, String why) {
    issue(id -> new Command.UpdateMonitoring(id, update, why));
  }

  Step finish() {
    if (!dirty) {
      return new Step(base, commands, decisions, false, Set.of());
    }
    writeBackIndex();
    EngineState next =
        new EngineState(
            vms.snapshot(),
            hosts.snapshot(),
            services,
            vmsByHost.snapshot(),
            inflight,
            startQueue,
            bootsByHost.snapshot(),
            bootsTotal,
            waiting,
            queueRetryAt,
            downHosts,
            valveTripped,
            nextCommandId,
            now);
    return new Step(next, commands, decisions, true, touched.toSet());
  }

  // ---- derived indexes

  private void updateBoots(VmRecord prev, VmRecord next) {
    HostRecovery.BootSlot slot = hostRecovery().bootSlot();
    boolean wasBooting = Indexes.booting(prev, slot);
    boolean isBooting = Indexes.booting(next, slot);
    if (wasBooting && (!isBooting || !prev.target().equals(next.target()))) {
      prev.target().ifPresent(h -> addBoots(h, -1));
      startsMayDispatch = true;
    }
    if (isBooting && (!wasBooting || !prev.target().equals(next.target()))) {
      next.target().ifPresent(h -> addBoots(h, +1));
    }
  }

  private void addBoots(HostId host, int delta) {
    int n = bootsOn(host) + delta;
    if (n == 0) {
      bootsByHost.remove(host);
    } else {
      bootsByHost.put(host, n);
    }
    bootsTotal += delta;
  }

  private void updateWaiting(VmRecord prev, VmRecord next) {
    boolean was = Indexes.waits(prev);
    boolean is = Indexes.waits(next);
    if (is && !was) {
      waiting = waiting.plus(next.id(), next.waitingSince().orElse(now));
    } else if (was && !is) {
      waiting = waiting.minus(next.id());
    }
  }

  private void updateStartQueue(VmRecord prev, VmRecord next) {
    boolean was = prev.phase() == VmPhase.START_PENDING;
    boolean is = next.phase() == VmPhase.START_PENDING;
    boolean moved = was && is && !prev.target().equals(next.target());
    if (was && (!is || moved)) {
      startQueue = startQueue.minus(spec(next.id()), Indexes.targetOf(prev), queueOwner);
    }
    if (is && (!was || moved)) {
      startQueue = startQueue.plus(spec(next.id()), Indexes.targetOf(next), queueOwner);
      startsMayDispatch = true;
    }
  }

  private void index(HostId host, VmId vm, boolean add) {
    if (!host.equals(indexedHost)) {
      writeBackIndex();
      PMap<VmId, Boolean> current = vmsByHost.get(host);
      indexedHost = host;
      indexedSet = current == null ? PMap.empty() : current;
    }
    if (add) {
      applyLeaving();
      indexedSet = indexedSet.plus(vm, Boolean.TRUE);
    } else {
      if (leavingCount == leaving.length) {
        leaving = Arrays.copyOf(leaving, leavingCount * 2);
      }
      leaving[leavingCount++] = vm;
    }
  }

  /** Takes the VMs that left {@link #indexedHost} out of its set. */
  private void applyLeaving() {
    if (leavingCount == indexedSet.size()) {
      indexedSet = PMap.empty();
    } else {
      for (int i = 0; i < leavingCount; i++) {
        indexedSet = indexedSet.minus(leaving[i]);
      }
    }
    Arrays.fill(leaving, 0, leavingCount, null);
    leavingCount = 0;
  }

  private void writeBackIndex() {
    if (indexedHost != null) {
      applyLeaving();
      if (indexedSet.isEmpty()) {
        vmsByHost.remove(indexedHost);
      } else {
        vmsByHost.put(indexedHost, indexedSet);
      }
      indexedHost = null;
      indexedSet = null;
    }
  }
}
