package org.relaxha.sim.world;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.relaxha.core.runtime.VirtualTime;
import org.relaxha.sim.Distribution;
import org.relaxha.sim.Scenario;
import org.relaxha.sim.Violation;
import org.relaxha.sim.VmModel;
import org.relaxha.spi.hypervisor.InventoryResult;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.hypervisor.VmStatus;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Resources;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;

/**
 * The ground truth of a simulated data center in virtual time: which hosts have power and network,
 * which VMs run where and what their guests are doing, which services are up, each host's load
 * average. The simulated adapters ({@link SimHypervisor}, {@link SimFencer}, the monitors...) are
 * views over one world; failures are injected into it ({@link FailureInjector}); boots, reinstalls
 * and restarts complete as events on the {@link VirtualTime} the controller runs on.
 *
 * <p>The world also watches two invariants no controller may break: a VM never runs on two hosts,
 * and a VM never starts while another host that was not fenced may still run it; and it refuses a
 * start that does not fit the host (also a broken invariant: placement exceeded capacity).
 *
 * <p>Every random draw comes from a stream named after what it is for ({@code boot:web-1}), seeded
 * from the run's seed: runs are deterministic, and two variants of one scenario draw the same boot
 * times for the same VM.
 *
 * <p>Not thread-safe: confined to the simulation's thread.
 */
public final class SimWorld {
  private final Scenario scenario;
  private final VirtualTime time;
  private final long seed;
  private final Map<HostId, HostState> hosts = new TreeMap<>();
  private final Map<VmId, Boolean> broken = new HashMap<>();
  private final Map<String, SplittableRandom> streams = new HashMap<>();
  private final Costs costs = new Costs();
  private final List<WorldListener> listeners = new ArrayList<>();
  private final Map<SubjectId, Boolean> alive = new HashMap<>();
  private final Map<SubjectId, Instant> aliveSince = new HashMap<>();
  private final Map<SubjectId, Instant> lastAlive = new HashMap<>();
  private final List<Violation> violations = new ArrayList<>();
  private final Map<VmId, String> reportedSplits = new HashMap<>();
  private final SimFencer.Conditions fencing = new SimFencer.Conditions();

  /** A world in the scenario's initial state at the time's current instant. */
  public SimWorld(Scenario scenario, VirtualTime time, long seed) {
    this.scenario = scenario;
    this.time = time;
    this.seed = seed;
    Instant now = time.instant();
    for (Host h : scenario.topology().hosts().values()) {
      hosts.put(h.id(), new HostState(h, scenario.hosts().get(h.id()), now));
    }
    for (Vm vm : scenario.topology().vms().values()) {
      HostId home = vm.homeHost().orElseGet(() -> firstFit(vm));
      Domain d = hosts.get(home).domain(vm.id(), now);
      d.set(PowerState.RUNNING, Domain.Guest.UP, now);
    }
    for (HostState h : hosts.values()) {
      h.settle(runnable(h), now);
    }
    refresh();
  }

  private HostId firstFit(Vm vm) {
    for (HostState h : hosts.values()) {
      if (fits(h, vm)) {
        return h.spec.id();
      }
    }
    return hosts.keySet().iterator().next();
  }

  // ---------------------------------------------------------------- basics

  public Scenario scenario() {
    return scenario;
  }

  public VirtualTime time() {
    return time;
  }

  public Instant now() {
    return time.instant();
  }

  /** The latency accounting of the SPI call under way. */
  public Costs costs() {
    return costs;
  }

  /** A random stream for {@code purpose}, the same for a given seed and purpose. */
  public SplittableRandom random(String purpose) {
    return streams.computeIfAbsent(
        purpose, p -> new SplittableRandom(seed * 0x9E3779B97F4A7C15L + p.hashCode()));
  }

  /** Draws from {@code d} on the stream {@code purpose}. */
  public Duration sample(Distribution d, String purpose) {
    return d.sample(random(purpose));
  }

  public void addListener(WorldListener l) {
    listeners.add(l);
  }

  /** The fencing failures in force. */
  SimFencer.Conditions fencing() {
    return fencing;
  }

  /** The invariants broken so far. */
  public List<Violation> violations() {
    return List.copyOf(violations);
  }

  void violate(String invariant, String detail) {
    violations.add(new Violation(now(), invariant, detail));
  }

  // ---------------------------------------------------------------- queries

  public List<HostId> hostIds() {
    return List.copyOf(hosts.keySet());
  }

  /** Whether the host is powered and on the network. */
  public boolean hostAnswers(HostId h) {
    return hosts.get(h).answers();
  }

  public boolean isPowered(HostId h) {
    return hosts.get(h).powered;
  }

  public boolean hasNetwork(HostId h) {
    return hosts.get(h).network;
  }

  /** The host's 5-minute load average now. */
  public double loadFive(HostId h) {
    return hosts.get(h).loadAt(now());
  }

  /** Whether the subject is alive as the monitoring network sees it. */
  public boolean isAlive(SubjectId s) {
    return alive.getOrDefault(s, false);
  }

  /** Since when it has been alive (if it is). */
  public Optional<Instant> aliveSince(SubjectId s) {
    return isAlive(s) ? Optional.ofNullable(aliveSince.get(s)) : Optional.empty();
  }

  /** The start of its latest period alive (now or in the past); the run's start if never alive. */
  public Instant aliveSinceEver(SubjectId s) {
    return aliveSince.getOrDefault(s, now());
  }

  /** The last instant it was alive: now if it is, empty if it never was. */
  public Optional<Instant> lastAlive(SubjectId s) {
    return isAlive(s) ? Optional.of(now()) : Optional.ofNullable(lastAlive.get(s));
  }

  /** Whether the VM's guest runs somewhere but does not answer or has not finished booting. */
  public boolean isHung(VmId vm) {
    return hosts.values().stream().anyMatch(h -> h.powered && guest(h, vm) == Domain.Guest.HUNG);
  }

  /** The powered hosts where the VM's domain may be running. */
  public List<HostId> runningHosts(VmId vm) {
    List<HostId> result = new ArrayList<>();
    hosts.forEach(
        (id, h) -> {
          Domain d = h.domains.get(vm);
          if (h.powered && d != null && d.runs()) {
            result.add(id);
          }
        });
    return result;
  }

  /** The host where the VM's guest is alive, if any. */
  public Optional<HostId> aliveOn(VmId vm) {
    for (HostState h : hosts.values()) {
      if (h.answers() && guest(h, vm) == Domain.Guest.UP) {
        return Optional.of(h.spec.id());
      }
    }
    return Optional.empty();
  }

  /** Whether the VM's disk image is damaged (only a reinstall repairs it). */
  public boolean isBroken(VmId vm) {
    return broken.getOrDefault(vm, false);
  }

  private static Domain.Guest guest(HostState h, VmId vm) {
    Domain d = h.domains.get(vm);
    return d == null || !d.runs() ? Domain.Guest.OFF : d.guest;
  }

  // ---------------------------------------------------------------- hypervisor operations

  /** What the host's hypervisor lists, or Unreachable. */
  public InventoryResult inventory(HostId host) {
    HostState h = hosts.get(host);
    if (!h.answers()) {
      return new InventoryResult.Unreachable(host, unreachable(h));
    }
    List<VmStatus> list = new ArrayList<>();
    h.domains.forEach((vm, d) -> list.add(new VmStatus(vm, d.power)));
    return new InventoryResult.Listed(host, list, now());
  }

  private static String unreachable(HostState h) {
    return h.powered ? "no route to host (network down)" : "connection timed out (host is off)";
  }

  /** Defines and starts the VM on the host; Done if it already runs there. */
  public ActionResult start(VmId vm, HostId host) {
    HostState h = hosts.get(host);
    if (!h.answers()) {
      return ActionResult.unreachable(host + ": " + unreachable(h));
    }
    Domain d = h.domains.get(vm);
    if (d != null && d.runs()) {
      return ActionResult.done(vm + " already running on " + host);
    }
    Optional<ActionResult> refused = refuseStart(vm, h);
    if (refused.isPresent()) {
      return refused.get();
    }
    boot(h, h.domain(vm, now()), model(vm).boot(), "boot:" + vm);
    return ActionResult.done("started " + vm + " on " + host);
  }

  private Optional<ActionResult> refuseStart(VmId vm, HostState h) {
    if (isBroken(vm)) {
      return Optional.of(
          ActionResult.failed("disk image of " + vm + " is damaged; it cannot boot"));
    }
    checkNotRunningElsewhere(vm, h.spec.id(), "start");
    if (!fits(h, scenario.topology().vms().get(vm))) {
      violate(
          "placement exceeded capacity",
          vm + " started on " + h.spec.id() + ", which has not enough free CPU or memory");
      return Optional.of(ActionResult.failed("not enough free memory on " + h.spec.id()));
    }
    return Optional.empty();
  }

  private boolean fits(HostState h, Vm vm) {
    Resources used = Resources.ZERO;
    for (Domain d : h.domains.values()) {
      if (d.runs() && !d.vm.equals(vm.id())) {
        used = used.plus(scenario.topology().vms().get(d.vm).demand());
      }
    }
    return used.cpus() + vm.demand().cpus() <= h.spec.capacity().cpus() + 1e-9
        && used.memoryMib() + vm.demand().memoryMib() <= h.spec.capacity().memoryMib();
  }

  private void checkNotRunningElsewhere(VmId vm, HostId target, String what) {
    for (HostId other : runningHosts(vm)) {
      if (!other.equals(target)) {
        violate(
            "start on an unfenced host's behalf",
            what
                + " of "
                + vm
                + " on "
                + target
                + " while it may still run on "
                + other
                + (hosts.get(other).answers()
                    ? ""
                    : " (which does not answer and was not fenced)"));
      }
    }
  }

  /** Destroys the VM's domain on the host; Done if it is off or not defined. */
  public ActionResult stop(VmId vm, HostId host) {
    HostState h = hosts.get(host);
    if (!h.answers()) {
      return ActionResult.unreachable(host + ": " + unreachable(h));
    }
    Domain d = h.domains.get(vm);
    if (d != null && d.power != PowerState.SHUT_OFF) {
      d.set(PowerState.SHUT_OFF, Domain.Guest.OFF, now());
      changed(h);
    }
    return ActionResult.done("destroyed " + vm + " on " + host);
  }

  /** An ACPI reboot: works only for a guest that is up. */
  public ActionResult acpiReboot(VmId vm, HostId host) {
    HostState h = hosts.get(host);
    if (!h.answers()) {
      return ActionResult.unreachable(host + ": " + unreachable(h));
    }
    Domain d = h.domains.get(vm);
    if (d == null || !d.runs()) {
      return ActionResult.unreachable(vm + " is not running on " + host + "; no guest to ask");
    }
    if (d.guest != Domain.Guest.UP) {
      return ActionResult.unreachable("the guest of " + vm + " ignores ACPI (" + d.guest + ")");
    }
    boot(h, d, model(vm).reboot(), "reboot:" + vm);
    return ActionResult.done("ACPI reboot of " + vm);
  }

  /** Destroys and starts the VM on the same host. */
  public ActionResult powerCycle(VmId vm, HostId host) {
    HostState h = hosts.get(host);
    if (!h.answers()) {
      return ActionResult.unreachable(host + ": " + unreachable(h));
    }
    if (isBroken(vm)) {
      return ActionResult.failed("disk image of " + vm + " is damaged; it cannot boot");
    }
    Domain d = h.domain(vm, now());
    if (!d.runs()) {
      checkNotRunningElsewhere(vm, host, "power-cycle");
      if (!fits(h, scenario.topology().vms().get(vm))) {
        violate("placement exceeded capacity", vm + " power-cycled onto a full " + host);
        return ActionResult.failed("not enough free memory on " + host);
      }
    }
    d.set(PowerState.SHUT_OFF, Domain.Guest.OFF, now());
    boot(h, d, model(vm).boot(), "boot:" + vm);
    return ActionResult.done("power-cycled " + vm + " on " + host);
  }

  /** A reboot from inside the guest (SSH): works only for a guest that is up and reachable. */
  public ActionResult guestReboot(VmId vm) {
    for (HostState h : hosts.values()) {
      Domain d = h.domains.get(vm);
      if (h.answers() && d != null && d.runs() && d.guest == Domain.Guest.UP) {
        boot(h, d, model(vm).reboot(), "reboot:" + vm);
        return ActionResult.done("rebooting " + vm);
      }
    }
    return ActionResult.unreachable("ssh " + vm + ": no route to guest or no answer");
  }

  /** Restarts a service inside its VM (SSH). */
  public ActionResult restartService(ServiceId service, Duration takes) {
    for (HostState h : hosts.values()) {
      Domain d = h.domains.get(service.vm());
      if (h.answers() && d != null && d.runs() && d.guest == Domain.Guest.UP) {
        long generation = d.generation;
        time.at(
            now().plus(takes),
            () -> {
              if (d.generation == generation && d.crashedServices.remove(service.name())) {
                refresh();
              }
            });
        return ActionResult.done("restarting " + service.name() + " in " + service.vm());
      }
    }
    return ActionResult.unreachable("ssh " + service.vm() + ": no route to guest or no answer");
  }

  /** Wipes the VM and reinstalls it on the host; it answers after its reinstall time. */
  public ActionResult reinstall(VmId vm, HostId host) {
    HostState h = hosts.get(host);
    if (!h.answers()) {
      return ActionResult.unreachable(host + ": " + unreachable(h));
    }
    Domain d = h.domain(vm, now());
    if (!d.runs()) {
      checkNotRunningElsewhere(vm, host, "reinstall");
    }
    broken.remove(vm);
    d.set(PowerState.RUNNING, Domain.Guest.REINSTALLING, now());
    long generation = d.generation;
    Duration takes = sample(model(vm).reinstall(), "reinstall:" + vm);
    time.at(now().plus(takes), () -> guestUp(h, d, generation));
    changed(h);
    return ActionResult.done("reinstalling " + vm + " on " + host + " (PXE)");
  }

  /** Powers the host off (a fencing device does it out of band, whatever its network). */
  public void powerOff(HostId host) {
    HostState h = hosts.get(host);
    if (!h.powered) {
      return;
    }
    h.powered = false;
    for (Domain d : h.domains.values()) {
      if (d.power != PowerState.SHUT_OFF) {
        d.set(PowerState.SHUT_OFF, Domain.Guest.OFF, now());
      }
    }
    changed(h);
  }

  // ---------------------------------------------------------------- failures

  /** Powers a host back on: its VMs stay off. */
  void powerOn(HostId host) {
    HostState h = hosts.get(host);
    if (!h.powered) {
      h.powered = true;
      changed(h);
    }
  }

  void network(HostId host, boolean up) {
    HostState h = hosts.get(host);
    if (h.network != up) {
      h.network = up;
      refresh();
    }
  }

  /** Crashes the VM wherever it runs; {@code destroy} also damages its disk image. */
  void crash(VmId vm, boolean destroy) {
    if (destroy) {
      broken.put(vm, true);
    }
    for (HostState h : hosts.values()) {
      Domain d = h.domains.get(vm);
      if (h.powered && d != null && d.runs()) {
        d.set(PowerState.CRASHED, Domain.Guest.OFF, now());
        changed(h);
        HostId id = h.spec.id();
        for (WorldListener l : List.copyOf(listeners)) {
          l.onCrash(vm, id, now());
        }
      }
    }
  }

  /** Hangs the VM's guest (or wakes it, if {@code hang} is false and it was hung). */
  void hang(VmId vm, boolean hang) {
    for (HostState h : hosts.values()) {
      Domain d = h.domains.get(vm);
      if (h.powered && d != null && d.runs()) {
        if (hang && d.guest == Domain.Guest.UP) {
          d.guest = Domain.Guest.HUNG;
          d.generation++;
        } else if (!hang && d.guest == Domain.Guest.HUNG) {
          d.guest = Domain.Guest.UP;
          d.generation++;
        }
      }
    }
    refresh();
  }

  /** Crashes (or, with {@code crash} false, restarts by itself) a service. */
  void service(ServiceId service, boolean crash) {
    for (HostState h : hosts.values()) {
      Domain d = h.domains.get(service.vm());
      if (h.powered && d != null && d.runs() && d.guest == Domain.Guest.UP) {
        if (crash) {
          d.crashedServices.add(service.name());
        } else {
          d.crashedServices.remove(service.name());
        }
      }
    }
    refresh();
  }

  // ---------------------------------------------------------------- internals

  private VmModel model(VmId vm) {
    return scenario.vms().get(vm);
  }

  private void boot(HostState h, Domain d, Distribution how, String stream) {
    int others = 0;
    for (Domain o : h.domains.values()) {
      if (o != d && o.runs() && o.guest == Domain.Guest.BOOTING) {
        others++;
      }
    }
    Duration drawn = sample(how, stream);
    double factor = 1 + h.model.bootContention() * others;
    Duration takes = Duration.ofMillis(Math.round(drawn.toMillis() * factor));
    d.set(PowerState.RUNNING, Domain.Guest.BOOTING, now());
    long generation = d.generation;
    time.at(now().plus(takes), () -> guestUp(h, d, generation));
    if (scenario.hypervisor().startBlocksUntilBooted()) {
      costs.charge(takes);
    }
    changed(h);
  }

  private void guestUp(HostState h, Domain d, long generation) {
    if (d.generation != generation || !d.runs() || !h.powered) {
      return;
    }
    d.guest = Domain.Guest.UP;
    d.crashedServices.clear();
    d.generation++;
    refresh();
    HostId id = h.spec.id();
    for (WorldListener l : List.copyOf(listeners)) {
      l.onGuestUp(d.vm, id, now());
    }
  }

  private double runnable(HostState h) {
    double load = 0;
    for (Domain d : h.domains.values()) {
      if (d.runs()) {
        load += model(d.vm).load();
      }
    }
    return load;
  }

  private void changed(HostState h) {
    h.runnable(runnable(h), now());
    refresh();
  }

  /** Recomputes who is alive, tells the listeners, and looks for VMs running twice. */
  private void refresh() {
    Instant now = now();
    for (HostState h : hosts.values()) {
      update(h.spec.id(), h.answers(), now);
    }
    for (VmId vm : scenario.topology().vms().keySet()) {
      Optional<HostId> on = aliveOn(vm);
      update(vm, on.isPresent(), now);
      checkSplit(vm);
    }
    for (ServiceId s : scenario.topology().services().keySet()) {
      update(s, serviceAlive(s), now);
    }
  }

  private boolean serviceAlive(ServiceId s) {
    for (HostState h : hosts.values()) {
      Domain d = h.domains.get(s.vm());
      if (h.answers() && d != null && d.runs() && d.guest == Domain.Guest.UP) {
        return !d.crashedServices.contains(s.name());
      }
    }
    return false;
  }

  private void update(SubjectId s, boolean now, Instant at) {
    Boolean before = alive.put(s, now);
    if (before != null && before == now) {
      return;
    }
    if (now) {
      aliveSince.put(s, at);
    } else if (before != null) {
      lastAlive.put(s, at);
    }
    if (before != null) {
      for (WorldListener l : List.copyOf(listeners)) {
        l.onLiveness(s, now, at);
      }
    }
  }

  private void checkSplit(VmId vm) {
    List<HostId> on = runningHosts(vm);
    if (on.size() > 1) {
      String key = new TreeSet<>(on).toString();
      if (!key.equals(reportedSplits.put(vm, key))) {
        violate("VM runs on two hosts", vm + " runs on " + key);
      }
    } else {
      reportedSplits.remove(vm);
    }
  }
}
