package org.relaxha.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.relaxha.spi.fencing.FenceResult;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Resources;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.notify.Severity;
import org.relaxha.spi.placement.Assignment;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.policy.Rung;

/**
 * Random sequences of failures, recoveries, command outcomes (in any order, late, failed or lost),
 * operator actions and clock jumps, played against a model of the world the commands act on.
 * Invariants checked after every step and at the end.
 */
class EngineInvariantsPropertiesTest {

  enum HostState {
    UP,
    OFF,
    ISOLATED
  }

  /** The ground truth: what is powered and where each VM's process runs. */
  static final class World {
    final Map<HostId, HostState> hosts = new HashMap<>();
    final Map<VmId, Set<HostId>> running = new HashMap<>();
    final Set<VmId> broken = new HashSet<>();

    boolean powered(HostId h) {
      return hosts.get(h) != HostState.OFF;
    }

    Set<HostId> poweredCopies(VmId vm) {
      Set<HostId> result = new HashSet<>();
      for (HostId h : running.get(vm)) {
        if (powered(h)) {
          result.add(h);
        }
      }
      return result;
    }

    boolean alive(VmId vm) {
      return !broken.contains(vm)
          && running.get(vm).stream().anyMatch(h -> hosts.get(h) == HostState.UP);
    }

    void powerOff(HostId h) {
      hosts.put(h, HostState.OFF);
      running.values().forEach(s -> s.remove(h));
    }
  }

  private static Topology topology() {
    List<Host> hosts = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      hosts.add(Host.builder("h" + i).capacity(8, 16384).loadThreshold(64).build());
    }
    List<Vm> vms = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      vms.add(
          Vm.builder("vm" + i)
              .homeHost("h" + (1 + i % 2))
              .demand(1, 1024)
              .reinstallAllowed(i % 3 == 0)
              .restartPriority(i % 4)
              .build());
    }
    return Topology.of(hosts, vms, List.of());
  }

  @Property(tries = 1000)
  void safetyAndLivenessHoldOverRandomHistories(
      @ForAll long seed, @ForAll @IntRange(min = 20, max = 400) int steps) {
    Run run = new Run(seed);
    for (int i = 0; i < steps; i++) {
      run.randomStep();
    }
    run.heal();
    run.checkEveryVmEndsRunningOrGivenUpWithNotice();
  }

  /** One history: the engine, the world, and the commands not yet answered. */
  static final class Run {
    final Random random;
    final Topology topology = topology();
    final EngineHarness h = new EngineHarness(topology, Fixtures.policy(2, 4));
    final World world = new World();
    final List<Command> pending = new ArrayList<>();
    final Set<Long> voided = new HashSet<>();
    final Map<SubjectId, Health> told = new HashMap<>();
    final Map<VmId, Rung> maxRung = new HashMap<>();
    boolean healing;

    Run(long seed) {
      random = new Random(seed);
      topology.hosts().keySet().forEach(host -> world.hosts.put(host, HostState.UP));
      topology
          .vms()
          .values()
          .forEach(
              vm -> world.running.put(vm.id(), new HashSet<>(Set.of(vm.homeHost().orElseThrow()))));
      observe();
    }

    void randomStep() {
      int dice = random.nextInt(100);
      if (dice < 35) {
        completeOne();
      } else if (dice < 55) {
        observe();
      } else if (dice < 75) {
        advance(Duration.ofSeconds(1 + random.nextInt(600)));
      } else if (dice < 90) {
        injectFailure();
      } else if (dice < 95) {
        falseAlarm();
      } else {
        operator();
      }
    }

    void give(Input input) {
      Step step = h.give(input);
      step.commands().forEach(this::issued);
      checkLadderMonotonic(step.state());
    }

    void advance(Duration d) {
      int before = h.all.size();
      h.advance(d);
      new ArrayList<>(h.all.subList(before, h.all.size())).forEach(this::issued);
      checkLadderMonotonic(h.state);
    }

    /** A command sent to a host that is off fails at once, whenever its answer arrives. */
    private void issued(Command c) {
      checkIssued(c);
      if (c instanceof Command.WakeMeAt) {
        return;
      }
      pending.add(c);
      world.hosts.forEach(
          (host, state) -> {
            if (state == HostState.OFF && targets(c, host)) {
              voided.add(c.id());
            }
          });
    }

    // ---- the world answers

    void completeOne() {
      if (pending.isEmpty()) {
        return;
      }
      Command c = pending.remove(healing ? 0 : random.nextInt(pending.size()));
      if (c instanceof Command.PlaceVms p) {
        PlacementPlan plan = h.plan(p);
        checkPlanWithinCapacity(plan);
        give(new Input.PlacementDecided(p.id(), plan, h.now));
      } else if (c instanceof Command.FenceHost f) {
        give(new Input.FenceCompleted(f.id(), fence(f.host()), h.now));
      } else if (voided.remove(c.id())) {
        give(
            new Input.ActionCompleted(
                c.id(), ActionResult.unreachable("host was powered off"), h.now));
      } else {
        give(new Input.ActionCompleted(c.id(), act(c), h.now));
      }
    }

    private FenceResult fence(HostId host) {
      if (!healing && random.nextInt(10) < 3) {
        return new FenceResult.Failed("ipmi timeout");
      }
      powerOffAndVoid(host);
      return new FenceResult.Fenced("ipmi", "chassis power off");
    }

    /**
     * Powering a host off kills whatever it was doing: commands sent to it that have not answered
     * yet fail without effect (the shell interrupts them, and a host that reboots does not replay
     * them).
     */
    private void powerOffAndVoid(HostId host) {
      world.powerOff(host);
      for (Command c : pending) {
        if (targets(c, host)) {
          voided.add(c.id());
        }
      }
    }

    private static boolean targets(Command c, HostId host) {
      return (c instanceof Command.StartVm s && s.host().equals(host))
          || (c instanceof Command.PowerCycleVm p && p.host().equals(host))
          || (c instanceof Command.ReinstallVm r && r.host().equals(host))
          || (c instanceof Command.RebootVm b && b.host().equals(host))
          || (c instanceof Command.StopVm t && t.host().equals(host));
    }

    private ActionResult act(Command c) {
      if (c instanceof Command.StartVm s) {
        return start(s.vm(), s.host());
      }
      if (c instanceof Command.StopVm s) {
        if (world.hosts.get(s.host()) != HostState.UP) {
          return ActionResult.unreachable("host does not answer");
        }
        world.running.get(s.vm()).remove(s.host());
        return ActionResult.done("destroyed");
      }
      if (c instanceof Command.PowerCycleVm p) {
        if (world.hosts.get(p.host()) != HostState.UP) {
          return ActionResult.unreachable("host does not answer");
        }
        assertNoOtherCopy(p.vm(), p.host(), "power-cycle");
        world.running.get(p.vm()).add(p.host());
        return ActionResult.done("cycled");
      }
      if (c instanceof Command.ReinstallVm r) {
        assertThat(topology.vms().get(r.vm()).reinstallAllowed())
            .as("reinstall of %s", r.vm())
            .isTrue();
        if (world.hosts.get(r.host()) != HostState.UP) {
          return ActionResult.unreachable("host does not answer");
        }
        assertNoOtherCopy(r.vm(), r.host(), "reinstall");
        world.broken.remove(r.vm());
        world.running.get(r.vm()).add(r.host());
        return ActionResult.done("reinstalling");
      }
      if (c instanceof Command.RebootVm r) {
        boolean ok =
            world.hosts.get(r.host()) == HostState.UP
                && world.running.get(r.vm()).contains(r.host());
        return ok && !world.broken.contains(r.vm())
            ? ActionResult.done("rebooting")
            : ActionResult.unreachable("guest does not answer");
      }
      return ActionResult.done("ok");
    }

    private ActionResult start(VmId vm, HostId host) {
      HostState target = world.hosts.get(host);
      if (target == HostState.OFF) {
        return ActionResult.unreachable("host is off");
      }
      assertNoOtherCopy(vm, host, "start");
      if (target == HostState.ISOLATED) {
        if (random.nextBoolean()) {
          world.running.get(vm).add(host);
        }
        return ActionResult.unreachable("timed out");
      }
      if (!healing && random.nextInt(10) == 0) {
        return ActionResult.failed("refused");
      }
      world.running.get(vm).add(host);
      return ActionResult.done("started");
    }

    // ---- invariants

    /** Never run a VM while a copy may still run on another powered host. */
    private void assertNoOtherCopy(VmId vm, HostId host, String what) {
      Set<HostId> others = world.poweredCopies(vm);
      others.remove(host);
      assertThat(others)
          .as("%s of %s on %s while it still runs on %s", what, vm, host, others)
          .isEmpty();
    }

    private void checkIssued(Command c) {
      if (c instanceof Command.ReinstallVm r) {
        assertThat(topology.vms().get(r.vm()).reinstallAllowed())
            .as("reinstall of %s", r.vm())
            .isTrue();
      }
      if (c instanceof Command.StartVm s) {
        VmRecord r = h.state.vm(s.vm());
        assertThat(r.provenOff())
            .as("start of %s while its location is %s", s.vm(), r.location())
            .isTrue();
      }
    }

    private void checkLadderMonotonic(EngineState state) {
      state
          .vms()
          .forEach(
              (id, r) -> {
                Rung before = maxRung.get(id);
                if (r.lastRung().isPresent()) {
                  Rung now = r.lastRung().get();
                  if (before != null && now.compareTo(before) < 0) {
                    throw new AssertionError(
                        id + " went back from " + before + " to " + now + " while " + r.phase());
                  }
                  maxRung.put(id, now);
                } else if (before != null) {
                  assertThat(r.phase())
                      .as("%s ladder reset while %s", id, r.phase())
                      .isEqualTo(VmPhase.HEALTHY);
                  maxRung.remove(id);
                }
              });
    }

    private void checkPlanWithinCapacity(PlacementPlan plan) {
      Map<HostId, Double> cpu = new HashMap<>();
      Map<HostId, Long> mem = new HashMap<>();
      h.state
          .occupancy()
          .forEach((vm, host) -> add(cpu, mem, host, topology.vms().get(vm).demand()));
      for (Assignment a : plan.assignments()) {
        add(cpu, mem, a.host(), topology.vms().get(a.vm()).demand());
      }
      cpu.forEach(
          (host, used) ->
              assertThat(used)
                  .as("CPU on %s", host)
                  .isLessThanOrEqualTo(topology.hosts().get(host).capacity().cpus()));
      mem.forEach(
          (host, used) ->
              assertThat(used)
                  .as("memory on %s", host)
                  .isLessThanOrEqualTo(topology.hosts().get(host).capacity().memoryMib()));
    }

    private static void add(
        Map<HostId, Double> cpu, Map<HostId, Long> mem, HostId host, Resources r) {
      cpu.merge(host, r.cpus(), Double::sum);
      mem.merge(host, r.memoryMib(), Long::sum);
    }

    // ---- what the monitors see

    void observe() {
      for (HostId host : topology.hosts().keySet()) {
        tell(host, world.hosts.get(host) == HostState.UP ? Health.UP : Health.DOWN, true);
      }
      for (VmId vm : topology.vms().keySet()) {
        boolean reachable =
            world.running.get(vm).stream().anyMatch(x -> world.hosts.get(x) == HostState.UP);
        tell(vm, world.alive(vm) ? Health.UP : Health.DOWN, reachable);
      }
    }

    private void tell(SubjectId s, Health health, boolean reachable) {
      if (told.get(s) != health) {
        told.put(s, health);
        give(new Input.HealthChanged(s, health, reachable, "model", h.now));
      }
    }

    void injectFailure() {
      List<HostId> hosts = new ArrayList<>(topology.hosts().keySet());
      List<VmId> vms = new ArrayList<>(topology.vms().keySet());
      HostId host = hosts.get(random.nextInt(hosts.size()));
      VmId vm = vms.get(random.nextInt(vms.size()));
      switch (random.nextInt(5)) {
        case 0 -> powerOffAndVoid(host);
        case 1 -> world.hosts.put(host, HostState.ISOLATED);
        case 2 -> world.hosts.put(host, HostState.UP);
        case 3 -> world.running.get(vm).clear();
        default -> world.broken.add(vm);
      }
    }

    void falseAlarm() {
      List<VmId> vms = new ArrayList<>(topology.vms().keySet());
      VmId vm = vms.get(random.nextInt(vms.size()));
      told.put(vm, Health.DOWN);
      give(new Input.HealthChanged(vm, Health.DOWN, random.nextBoolean(), "false alarm", h.now));
    }

    void operator() {
      for (HostId host : topology.hosts().keySet()) {
        HostPhase phase = h.state.host(host).phase();
        if ((phase == HostPhase.FENCING || phase == HostPhase.HELD)
            && world.hosts.get(host) == HostState.OFF) {
          give(new Input.ConfirmFenced(host, "oper", h.now));
          return;
        }
      }
      if (h.state.valveTripped()) {
        boolean heldOff =
            topology.hosts().keySet().stream()
                .filter(x -> h.state.host(x).phase() == HostPhase.HELD)
                .allMatch(x -> world.hosts.get(x) != HostState.UP);
        if (heldOff) {
          give(new Input.ReleaseHold("oper", h.now));
        }
      }
    }

    // ---- the end

    void heal() {
      healing = true;
      topology
          .hosts()
          .keySet()
          .forEach(
              host -> {
                if (world.hosts.get(host) == HostState.ISOLATED) {
                  world.hosts.put(host, HostState.UP);
                }
              });
      for (int i = 0; i < 600; i++) {
        if (i == 30) {
          topology.hosts().keySet().forEach(host -> world.hosts.put(host, HostState.UP));
        }
        if (h.state.valveTripped()) {
          give(new Input.ReleaseHold("oper", h.now));
        }
        observe();
        while (!pending.isEmpty()) {
          completeOne();
          observe();
        }
        advance(Duration.ofMinutes(1));
      }
    }

    void checkEveryVmEndsRunningOrGivenUpWithNotice() {
      for (VmId vm : topology.vms().keySet()) {
        VmRecord r = h.state.vm(vm);
        assertThat(world.poweredCopies(vm).size()).as("copies of %s", vm).isLessThanOrEqualTo(1);
        if (r.phase() == VmPhase.GAVE_UP) {
          assertThat(
                  h.notification(
                      n ->
                          n.notification().severity() == Severity.CRITICAL
                              && n.notification().subject().filter(vm::equals).isPresent()))
              .as("critical notification for %s", vm)
              .isPresent();
        } else {
          assertThat(r.phase())
              .as("%s: %s", vm, r.reason())
              .isIn(VmPhase.HEALTHY, VmPhase.STABILIZING);
          assertThat(world.alive(vm))
              .as("%s is %s in the engine but not running", vm, r.phase())
              .isTrue();
        }
      }
    }
  }
}
