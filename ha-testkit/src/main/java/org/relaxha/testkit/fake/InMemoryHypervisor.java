package org.relaxha.testkit.fake;

import java.time.InstantSource;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.relaxha.spi.Require;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.hypervisor.InventoryResult;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.hypervisor.VmStatus;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.Call;
import org.relaxha.testkit.CallLog;
import org.relaxha.testkit.Gate;
import org.relaxha.testkit.Latency;

/**
 * A {@link Hypervisor} over hosts and VM power states kept in memory, for unit tests of the
 * controller and of anything that drives a hypervisor.
 *
 * <p><b>World.</b> The test declares hosts ({@link #addHost}) and VMs on them ({@link #define});
 * the SPI calls follow the SPI's idempotence contract: starting a VM that runs on that host is Done
 * without starting it again, stopping a VM that is off or absent is Done. A start on a host where
 * the VM is not defined defines it there (disks on shared storage). Nothing stops a VM from being
 * started on a second host: that is the controller's business, and {@link #runningHostsOf} and
 * {@link #ranOnTwoHosts} let a test check that it never happens.
 *
 * <p><b>Failure injection.</b> {@link #setReachable} cuts a host off (inventory and calls are
 * Unreachable, its VMs keep running: a partition); {@link #powerOffHost} turns it off (its VMs
 * SHUT_OFF, the host unreachable), as a crash or a fencer does; {@link #crashVm}; {@link
 * #setGuestResponsive}; canned results ({@link #failNext}, {@link #failAlways}), exceptions ({@link
 * #throwNext}), calls that hang until released or interrupted ({@link #hangNext}); and per-call
 * {@link Latency}.
 *
 * <p><b>Observation.</b> Every SPI call is recorded in the {@link #calls() call log} when it
 * returns, with arguments {@code [VmId, HostId]} ({@code [HostId]} for inventory); {@link
 * #startCount} counts actual starts per VM (a start that found the VM running is not counted).
 *
 * <p><b>Lifecycle.</b> SPI calls before {@link #start()} throw {@link IllegalStateException} (a
 * caller bug); after {@link #close()} they return Unreachable. A closed fake may be started again,
 * which stands for a new controller connecting to the same world.
 *
 * <p>Thread-safe. Hangs and latency happen outside the internal lock, so other calls go on.
 */
public final class InMemoryHypervisor implements Hypervisor {

  private static final class HostState {
    boolean poweredOn = true;
    boolean reachable = true;
    final Map<VmId, PowerState> vms = new TreeMap<>();
  }

  private final String name;
  private final InstantSource clock;
  private final CallLog log;
  private final Faults<HypervisorOp> faults = new Faults<>();
  private final Map<HostId, HostState> hosts = new TreeMap<>();
  private final Map<VmId, Integer> starts = new TreeMap<>();
  private final Set<VmId> unresponsiveGuests = new TreeSet<>();
  private final Set<VmId> ranTwice = new TreeSet<>();
  private boolean started;
  private boolean closed;

  /** A hypervisor fake called {@code name}, stamping its calls with {@code clock}. */
  public InMemoryHypervisor(String name, InstantSource clock) {
    this.name = Require.nonBlank(name, "name");
    this.clock = Require.nonNull(clock, "clock");
    this.log = new CallLog(clock);
  }

  /** A hypervisor fake called {@code in-memory} on the system clock. */
  public InMemoryHypervisor() {
    this("in-memory", InstantSource.system());
  }

  // ---------------------------------------------------------------- world set-up

  /** Adds a powered-on, reachable host without VMs (no change if it exists). */
  public synchronized InMemoryHypervisor addHost(HostId host) {
    hosts.computeIfAbsent(Require.nonNull(host, "host"), h -> new HostState());
    return this;
  }

  /** Adds hosts by name. */
  public InMemoryHypervisor addHosts(String... names) {
    for (String host : names) {
      addHost(HostId.of(host));
    }
    return this;
  }

  /** Defines {@code vm} on {@code host} in {@code state} (or changes its state there). */
  public synchronized InMemoryHypervisor define(VmId vm, HostId host, PowerState state) {
    hostState(host).vms.put(Require.nonNull(vm, "vm"), Require.nonNull(state, "state"));
    noteDoubleRun(vm);
    return this;
  }

  /** Removes {@code vm}'s definition from {@code host}. */
  public synchronized InMemoryHypervisor undefine(VmId vm, HostId host) {
    hostState(host).vms.remove(vm);
    return this;
  }

  // ---------------------------------------------------------------- inspection

  /** The state of {@code vm} on {@code host}; empty if it is not defined there. */
  public synchronized Optional<PowerState> stateOf(VmId vm, HostId host) {
    return Optional.ofNullable(hostState(host).vms.get(vm));
  }

  /**
   * The powered-on hosts where {@code vm} may be running ({@link PowerState#mayBeRunning()}),
   * reachable or not. More than one is a split brain.
   */
  public synchronized Set<HostId> runningHostsOf(VmId vm) {
    Set<HostId> result = new TreeSet<>();
    hosts.forEach(
        (id, h) -> {
          PowerState state = h.vms.get(vm);
          if (h.poweredOn && state != null && state.mayBeRunning()) {
            result.add(id);
          }
        });
    return Collections.unmodifiableSet(result);
  }

  /** The VMs that at some moment may have been running on two hosts at once. */
  public synchronized Set<VmId> ranOnTwoHosts() {
    return Set.copyOf(ranTwice);
  }

  /** How many times {@code vm} was actually started (by startVm or powerCycleVm). */
  public synchronized int startCount(VmId vm) {
    return starts.getOrDefault(vm, 0);
  }

  /** The start counts of every VM started at least once. */
  public synchronized Map<VmId, Integer> startCounts() {
    return Map.copyOf(starts);
  }

  /** Whether {@code host} is powered on. */
  public synchronized boolean isPoweredOn(HostId host) {
    return hostState(host).poweredOn;
  }

  /** Whether {@code host} answers: powered on and not cut off. */
  public synchronized boolean isReachable(HostId host) {
    HostState h = hostState(host);
    return h.poweredOn && h.reachable;
  }

  /** Whether {@link #start()} was called and {@link #close()} not since. */
  public synchronized boolean isStarted() {
    return started && !closed;
  }

  /** Every SPI call so far. */
  public List<Call> calls() {
    return log.all();
  }

  /** The SPI calls of one operation. */
  public List<Call> calls(HypervisorOp op) {
    return log.of(op.method());
  }

  /** The call log itself, e.g. to {@link CallLog#await await} calls made by other threads. */
  public CallLog callLog() {
    return log;
  }

  // ---------------------------------------------------------------- failure injection

  /** Cuts {@code host} off (false) or reconnects it (true); its VMs keep their states. */
  public synchronized void setReachable(HostId host, boolean reachable) {
    hostState(host).reachable = reachable;
  }

  /** Powers {@code host} off: every VM on it becomes SHUT_OFF and the host unreachable. */
  public synchronized void powerOffHost(HostId host) {
    HostState h = hostState(host);
    h.poweredOn = false;
    h.vms.replaceAll((vm, state) -> PowerState.SHUT_OFF);
  }

  /** Powers {@code host} on again; its VMs stay off. */
  public synchronized void powerOnHost(HostId host) {
    hostState(host).poweredOn = true;
  }

  /** Makes {@code vm} CRASHED on {@code host}. */
  public synchronized void crashVm(VmId vm, HostId host) {
    define(vm, host, PowerState.CRASHED);
  }

  /** Whether the guest answers reboot requests (default true); false makes rebootVm Unreachable. */
  public synchronized void setGuestResponsive(VmId vm, boolean responsive) {
    if (responsive) {
      unresponsiveGuests.remove(vm);
    } else {
      unresponsiveGuests.add(vm);
    }
  }

  /** Sets the latency of every SPI call (default none). */
  public void setLatency(Latency latency) {
    faults.latency(latency);
  }

  /**
   * The next call of {@code op} returns {@code result} without acting. For {@link
   * HypervisorOp#INVENTORY}, a non-Done result becomes {@link InventoryResult.Unreachable}.
   */
  public void failNext(HypervisorOp op, ActionResult result) {
    failNext(op, null, result);
  }

  /**
   * The next call of {@code op} naming {@code target} (a VmId or HostId) returns {@code result}.
   */
  public void failNext(HypervisorOp op, SubjectId target, ActionResult result) {
    faults.add(op, target, new Faults.Respond(checkInjectable(op, result)), true);
  }

  /** Every call of {@code op} naming {@code target} (null: any) returns {@code result}. */
  public void failAlways(HypervisorOp op, SubjectId target, ActionResult result) {
    faults.add(op, target, new Faults.Respond(checkInjectable(op, result)), false);
  }

  /** The next call of {@code op} throws {@code exception} (an adapter bug). */
  public void throwNext(HypervisorOp op, RuntimeException exception) {
    faults.add(op, null, new Faults.Raise(Require.nonNull(exception, "exception")), true);
  }

  /**
   * The next call of {@code op} hangs until the returned gate is released (then it acts normally)
   * or its thread is interrupted (then it returns Unreachable without acting).
   */
  public Gate hangNext(HypervisorOp op) {
    Gate gate = new Gate();
    faults.add(op, null, new Faults.Hang(gate), true);
    return gate;
  }

  /** Every call of {@code op} hangs until the returned gate is released or interrupted. */
  public Gate hangAll(HypervisorOp op) {
    Gate gate = new Gate();
    faults.add(op, null, new Faults.Hang(gate), false);
    return gate;
  }

  /** Removes every injected failure and hang rule (gates already waited on stay as they are). */
  public void clearFaults() {
    faults.clear();
  }

  // ---------------------------------------------------------------- the SPI

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized Set<HostId> hosts() {
    return Set.copyOf(hosts.keySet());
  }

  @Override
  public synchronized void start() {
    if (started && !closed) {
      throw new IllegalStateException("hypervisor " + name + " is already started");
    }
    started = true;
    closed = false;
  }

  @Override
  public InventoryResult inventory(HostId host) {
    Object[] args = {host};
    try {
      InventoryResult result =
          checkOpen()
              ? faults.run(
                  HypervisorOp.INVENTORY,
                  args,
                  injected ->
                      new InventoryResult.Unreachable(host, ((ActionResult) injected).detail()),
                  () -> new InventoryResult.Unreachable(host, "inventory interrupted"),
                  () -> doInventory(host))
              : new InventoryResult.Unreachable(host, "hypervisor " + name + " is closed");
      log.record(HypervisorOp.INVENTORY.method(), result, args);
      return result;
    } catch (RuntimeException e) {
      log.record(HypervisorOp.INVENTORY.method(), e, args);
      throw e;
    }
  }

  @Override
  public ActionResult startVm(Vm vm, HostId host) {
    return call(HypervisorOp.START_VM, vm.id(), host, () -> doStart(vm.id(), host, false));
  }

  @Override
  public ActionResult stopVm(VmId vm, HostId host) {
    return call(HypervisorOp.STOP_VM, vm, host, () -> doStop(vm, host));
  }

  @Override
  public ActionResult rebootVm(VmId vm, HostId host) {
    return call(HypervisorOp.REBOOT_VM, vm, host, () -> doReboot(vm, host));
  }

  @Override
  public ActionResult powerCycleVm(Vm vm, HostId host) {
    return call(HypervisorOp.POWER_CYCLE_VM, vm.id(), host, () -> doStart(vm.id(), host, true));
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "InMemoryHypervisor[" + name + "]";
  }

  // ---------------------------------------------------------------- internals

  private ActionResult call(HypervisorOp op, VmId vm, HostId host, Supplier<ActionResult> action) {
    Object[] args = {vm, host};
    try {
      ActionResult result =
          checkOpen()
              ? faults.run(
                  op,
                  args,
                  injected -> (ActionResult) injected,
                  () -> ActionResult.unreachable(op.method() + " interrupted"),
                  action)
              : ActionResult.unreachable("hypervisor " + name + " is closed");
      log.record(op.method(), result, args);
      return result;
    } catch (RuntimeException e) {
      log.record(op.method(), e, args);
      throw e;
    }
  }

  private synchronized InventoryResult doInventory(HostId host) {
    Optional<String> unreachable = unreachableReason(host);
    if (unreachable.isPresent()) {
      return new InventoryResult.Unreachable(host, unreachable.get());
    }
    List<VmStatus> vms =
        hosts.get(host).vms.entrySet().stream()
            .map(e -> new VmStatus(e.getKey(), e.getValue()))
            .toList();
    return new InventoryResult.Listed(host, vms, clock.instant());
  }

  private synchronized ActionResult doStart(VmId vm, HostId host, boolean powerCycle) {
    Optional<ActionResult> refused = refusal(host);
    if (refused.isPresent()) {
      return refused.get();
    }
    PowerState state = hosts.get(host).vms.get(vm);
    if (!powerCycle && state == PowerState.RUNNING) {
      return ActionResult.done(vm + " already runs on " + host);
    }
    if (!powerCycle && state != null && state.mayBeRunning()) {
      return ActionResult.retryable(vm + " is " + state + " on " + host + "; stop it first");
    }
    hosts.get(host).vms.put(vm, PowerState.RUNNING);
    starts.merge(vm, 1, Integer::sum);
    noteDoubleRun(vm);
    String how = powerCycle ? "power-cycled" : state == null ? "defined and started" : "started";
    return ActionResult.done(vm + " " + how + " on " + host);
  }

  private synchronized ActionResult doStop(VmId vm, HostId host) {
    Optional<ActionResult> refused = refusal(host);
    if (refused.isPresent()) {
      return refused.get();
    }
    PowerState state = hosts.get(host).vms.get(vm);
    if (state == null) {
      return ActionResult.done(vm + " is not defined on " + host);
    }
    hosts.get(host).vms.put(vm, PowerState.SHUT_OFF);
    return ActionResult.done(
        state.mayBeRunning() ? vm + " destroyed on " + host : vm + " was already off");
  }

  private synchronized ActionResult doReboot(VmId vm, HostId host) {
    Optional<ActionResult> refused = refusal(host);
    if (refused.isPresent()) {
      return refused.get();
    }
    PowerState state = hosts.get(host).vms.get(vm);
    if (state != PowerState.RUNNING) {
      return ActionResult.failed(vm + " is not running on " + host + " (" + state + ")");
    }
    if (unresponsiveGuests.contains(vm)) {
      return ActionResult.unreachable("guest " + vm + " does not answer");
    }
    return ActionResult.done(vm + " rebooted on " + host);
  }

  private Optional<ActionResult> refusal(HostId host) {
    if (!hosts.containsKey(host)) {
      return Optional.of(ActionResult.failed("host " + host + " is not managed by " + name));
    }
    return unreachableReason(host).map(ActionResult::unreachable);
  }

  private Optional<String> unreachableReason(HostId host) {
    HostState h = hosts.get(host);
    if (h == null) {
      return Optional.of("host " + host + " is not managed by " + name);
    }
    if (!h.poweredOn) {
      return Optional.of("host " + host + " is powered off");
    }
    if (!h.reachable) {
      return Optional.of("host " + host + " does not answer");
    }
    return Optional.empty();
  }

  /** Throws if never started (a caller bug); returns false once closed. */
  private synchronized boolean checkOpen() {
    if (!started) {
      throw new IllegalStateException("hypervisor " + name + " used before start()");
    }
    return !closed;
  }

  private void noteDoubleRun(VmId vm) {
    if (runningHostsOf(vm).size() > 1) {
      ranTwice.add(vm);
    }
  }

  private HostState hostState(HostId host) {
    HostState h = hosts.get(Require.nonNull(host, "host"));
    if (h == null) {
      throw new IllegalArgumentException("unknown host " + host + " in " + name);
    }
    return h;
  }

  private ActionResult checkInjectable(HypervisorOp op, ActionResult result) {
    Require.nonNull(result, "result");
    if (op == HypervisorOp.INVENTORY && result.succeeded()) {
      throw new IllegalArgumentException("inventory failures must not be Done");
    }
    return result;
  }
}
