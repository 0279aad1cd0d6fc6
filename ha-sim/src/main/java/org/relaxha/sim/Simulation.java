package org.relaxha.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relaxha.core.journal.InMemoryStateStore;
import org.relaxha.core.placement.LoadAwarePlacement;
import org.relaxha.core.runtime.EngineCodec;
import org.relaxha.core.runtime.HaController;
import org.relaxha.core.runtime.HaControllerBuilder;
import org.relaxha.core.runtime.StatusSnapshot;
import org.relaxha.core.runtime.SubjectStatus;
import org.relaxha.core.runtime.VirtualTime;
import org.relaxha.sim.world.EventFeedMonitor;
import org.relaxha.sim.world.FailureInjector;
import org.relaxha.sim.world.GangliaMonitor;
import org.relaxha.sim.world.NagiosMonitor;
import org.relaxha.sim.world.SimCallRunner;
import org.relaxha.sim.world.SimFencer;
import org.relaxha.sim.world.SimGuestControl;
import org.relaxha.sim.world.SimHypervisor;
import org.relaxha.sim.world.SimNotifier;
import org.relaxha.sim.world.SimProvisioner;
import org.relaxha.sim.world.SimWorld;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.spi.notify.Notification;
import org.relaxha.spi.notify.Severity;

/**
 * Runs the real {@link HaController} (engine, detectors, journal, command executor) against a
 * {@link SimWorld} in virtual time, injects the scenario's failures, and reports each incident's
 * recovery and every invariant broken. A controller restart closes the controller as if it died
 * (outcomes on their way are lost, no final snapshot) and starts a new one on the same durable
 * state after the restart's downtime.
 *
 * <p>With {@link Options#settle}, the run ends with a repair of everything a repair can fix (power,
 * network, fencing) and a quiet period, after which every VM must be running on one host or given
 * up with a CRITICAL notification: the chaos run's end check.
 *
 * <p>One run per instance; confined to the calling thread. Runs of different instances share
 * nothing and may go on in parallel.
 */
public final class Simulation {
  private final Scenario scenario;
  private final long seed;
  private final Options options;
  private final VirtualTime time;
  private final SimWorld world;
  private final SimNotifier notifier = new SimNotifier();
  private final IncidentTracker tracker;
  private final List<Violation> violations = new ArrayList<>();
  private final LadderChecker ladders;
  private InMemoryStateStore store = InMemoryStateStore.create(EngineCodec.create());
  private HaController controller;
  private SimCallRunner calls;
  private int starts;

  /**
   * How a run ends.
   *
   * @param settle repair everything at the end of the scenario, run {@code settleFor} more, then
   *     check that every VM runs or was given up with a notification
   * @param settleFor how long the quiet period lasts
   */
  public record Options(boolean settle, Duration settleFor) {
    /** Run the scenario's duration, nothing more. */
    public static Options plain() {
      return new Options(false, Duration.ZERO);
    }

    /** Repair, wait {@code quiet}, check the end state. */
    public static Options settling(Duration quiet) {
      return new Options(true, quiet);
    }
  }

  private Simulation(Scenario scenario, long seed, Options options) {
    this.scenario = scenario;
    this.seed = seed;
    this.options = options;
    this.time = new VirtualTime(scenario.start());
    this.world = new SimWorld(scenario, time, seed);
    this.tracker = new IncidentTracker(world);
    this.ladders =
        new LadderChecker(
            scenario.topology(),
            scenario.policy(),
            (d, why) ->
                violations.add(
                    new Violation(
                        d.at(),
                        "escalation skipped a rung",
                        d.subject().map(Object::toString).orElse("?") + ": " + why)));
    world.addListener(tracker);
  }

  /** Runs {@code scenario} with its own seed. */
  public static RunResult run(Scenario scenario) {
    return run(scenario, scenario.seed(), Options.plain());
  }

  /** Runs {@code scenario} with {@code seed}. */
  public static RunResult run(Scenario scenario, long seed, Options options) {
    return new Simulation(scenario, seed, options).run();
  }

  private RunResult run() {
    Instant start = scenario.start();
    startController();
    FailureInjector injector = new FailureInjector(world, this::restartController);
    int n = 0;
    for (Failure f : scenario.failures()) {
      int number = f.kind().isIncident() ? ++n : 0;
      time.at(
          start.plus(f.at()),
          () -> {
            if (number > 0) {
              tracker.open(number, f);
            }
            injector.apply(f);
          });
    }
    time.advanceTo(start.plus(scenario.duration()));
    if (options.settle()) {
      if (controller == null) {
        startController();
      }
      injector.heal();
      time.advance(options.settleFor());
      checkEnd();
    }
    if (controller != null) {
      controller.close();
    }
    List<Violation> all = new ArrayList<>(world.violations());
    all.addAll(violations);
    all.sort(java.util.Comparator.comparing(Violation::at));
    return new RunResult(
        scenario,
        seed,
        tracker.results(),
        all,
        notifier.sent(),
        starts,
        Duration.between(start, time.instant()));
  }

  // ---------------------------------------------------------------- the controller

  private void startController() {
    calls = new SimCallRunner(world);
    InMemoryStateStore mine = store;
    HaControllerBuilder b =
        HaController.builder()
            .topology(scenario.topology())
            .virtualTime(time)
            .callRunner(calls)
            .stateStore(() -> mine)
            .recoveryPolicy(scenario.policy())
            .detectionPolicy(scenario.detection())
            .placement(
                new CheckedPlacement(
                    new LoadAwarePlacement(),
                    why ->
                        violations.add(
                            new Violation(
                                time.instant(), "placement exceeded capacity or threshold", why))))
            .timeouts(scenario.controller().timeouts())
            .inventoryInterval(scenario.controller().inventoryInterval())
            .hypervisor(new SimHypervisor(world))
            .provisioner(new SimProvisioner(world))
            .notifier(notifier)
            .listener(tracker)
            .listener(ladders);
    for (MonitorSpec spec : scenario.monitors()) {
      b.monitor(monitor(spec));
    }
    if (scenario.fencing().enabled()) {
      b.fencer(new SimFencer(world));
    }
    if (scenario.guests().ssh()) {
      b.serviceControl(new SimGuestControl(world));
    }
    controller = b.build();
    starts++;
    controller.start();
  }

  private Monitor monitor(MonitorSpec spec) {
    if (spec instanceof MonitorSpec.Nagios n) {
      return new NagiosMonitor(world, n);
    }
    if (spec instanceof MonitorSpec.Ganglia g) {
      return new GangliaMonitor(world, g);
    }
    return new EventFeedMonitor(world, (MonitorSpec.Events) spec);
  }

  /** The controller dies (no final snapshot, outcomes lost) and a new one starts later. */
  private void restartController(Failure f) {
    if (controller == null) {
      return;
    }
    store = store.reopen();
    calls.close();
    controller.close();
    controller = null;
    Duration down = f.lasting().orElse(Duration.ZERO);
    time.at(
        time.instant().plus(down),
        () -> {
          if (controller == null) {
            startController();
          }
        });
  }

  // ---------------------------------------------------------------- the end check

  private void checkEnd() {
    StatusSnapshot status = controller.status();
    for (VmId vm : scenario.topology().vms().keySet()) {
      SubjectStatus s = status.of(vm).orElseThrow();
      List<HostId> running = world.runningHosts(vm);
      if (s.phase().equals("GAVE_UP")) {
        boolean told =
            notifier.sent().stream()
                .anyMatch(
                    (Notification n) ->
                        n.severity() == Severity.CRITICAL && n.subject().equals(Optional.of(vm)));
        if (!told) {
          endBreak(vm + " was given up without a CRITICAL notification");
        }
      } else if (!s.phase().equals("HEALTHY") && !s.phase().equals("STABILIZING")) {
        endBreak(vm + " is still " + s.phase() + " after the quiet period: " + s.reason());
      } else if (world.aliveOn(vm).isEmpty()) {
        endBreak(vm + " is " + s.phase() + " in the controller but does not run (" + running + ")");
      } else if (running.size() != 1 || !s.location().equals(world.aliveOn(vm))) {
        endBreak(vm + " runs on " + running + " but the controller locates it on " + s.location());
      }
    }
  }

  private void endBreak(String detail) {
    violations.add(
        new Violation(
            time.instant(), "VM neither running nor given up with a notification", detail));
  }
}
