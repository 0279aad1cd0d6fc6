package org.relaxha.benchmarks.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.relaxha.benchmarks.placement.Data;
import org.relaxha.benchmarks.placement.Gate;
import org.relaxha.core.engine.Command;
import org.relaxha.core.engine.Engine;
import org.relaxha.core.engine.EngineState;
import org.relaxha.core.engine.Input;
import org.relaxha.core.engine.Step;
import org.relaxha.core.placement.IndexedPlacement;
import org.relaxha.core.placement.LoadAwarePlacement;
import org.relaxha.core.placement.PlacementIndex;
import org.relaxha.core.policy.StandardRecoveryPolicy;
import org.relaxha.spi.fencing.FenceResult;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.placement.ClusterSnapshot;
import org.relaxha.spi.placement.HostSnapshot;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.placement.PlacementRequest;

/**
 * One host failure (E1): 100 VMs on one of 10^4 hosts, from "host declared down" to the start
 * commands. One invocation is, on the same initial engine state:
 *
 * <ol>
 *   <li>{@code Engine.step(HealthChanged(host, DOWN))}: mutes, notifies, issues FenceHost;
 *   <li>{@code Engine.step(FenceCompleted(Fenced))}: issues PlaceVms for the 100 VMs;
 *   <li>the placement under test computes the plan for that command's requests on a cluster
 *       snapshot of 10^4 hosts built beforehand (building the snapshot, the shell's job, is not
 *       included);
 *   <li>{@code Engine.step(PlacementDecided(plan))}: assigns the 100 VMs and issues the StartVm
 *       commands the boot limits allow (16 with the default 16 in parallel, 2 per host).
 * </ol>
 *
 * <p>{@code impl}: {@code scan} ({@link LoadAwarePlacement}, baseline), {@code spi} ({@link
 * IndexedPlacement}, which indexes the snapshot on each call) or {@code index} (a long-lived {@link
 * PlacementIndex} told that the host went down, then asked for the plan, then told it is back so
 * the next invocation starts alike; both updates are included). The gate compares the plan with the
 * scan and checks that StartVm commands were issued.
 *
 * <p>Eight warmup iterations: one invocation runs a few hundred methods once each, and C2 has
 * compiled them all only after 6 to 7 s (with two, the first measured iterations still fell from
 * 290 to 200 us within a fork).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(3)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 3, time = 1)
public class E1HostFailure {
  static final int HOSTS = 10_000;
  static final int VMS = 100;

  @Param({"scan", "spi", "index"})
  public String impl;

  private Engine engine;
  private EngineState initial;
  private Topology topology;
  private ClusterSnapshot cluster;
  private PlacementIndex index;
  private HostSnapshot failedUp;
  private HostSnapshot failedDown;
  private HostId failed;
  private Instant t0;
  private PlacementPlan lastPlan;
  private List<PlacementRequest> lastRequests;
  private int lastStarts;

  @Setup(Level.Trial)
  public void setUp() {
    cluster = Data.cluster(46, HOSTS, 1, 0.5);
    failedDown = cluster.hosts().get(0);
    failed = failedDown.id();
    failedUp =
        new HostSnapshot(
            failedDown.host(),
            true,
            false,
            failedDown.used(),
            failedDown.loadFive(),
            failedDown.vmCount(),
            failedDown.antiAffinityGroups(),
            failedDown.reachablePools());
    List<Host> hosts = new ArrayList<>();
    cluster.hosts().forEach(h -> hosts.add(h.host()));
    List<Vm> vms = new ArrayList<>();
    Data.failedVms(13, VMS, 1, 8, 16).forEach(r -> vms.add(r.vm().withHomeHost(failed)));
    topology = Topology.of(hosts, vms, List.of());
    engine = new Engine(topology, StandardRecoveryPolicy.ofDefaults());
    t0 = Data.NOW;
    initial = engine.initialState(t0);
    if ("index".equals(impl)) {
      List<HostSnapshot> before = new ArrayList<>(cluster.hosts());
      before.set(0, failedUp);
      index = PlacementIndex.of(new ClusterSnapshot(before, Data.NOW));
    }
  }

  @Benchmark
  public int hostFailure() {
    Step down =
        engine.step(
            initial,
            new Input.HealthChanged(failed, Health.DOWN, false, "bench", t0.plusSeconds(1)));
    long fence = find(down, Command.FenceHost.class).id();
    Step fenced =
        engine.step(
            down.state(),
            new Input.FenceCompleted(
                fence, new FenceResult.Fenced("ipmi", "off"), t0.plusSeconds(2)));
    Command.PlaceVms place = find(fenced, Command.PlaceVms.class);
    List<PlacementRequest> requests = new ArrayList<>(place.requests().size());
    for (Command.PlaceRequest r : place.requests()) {
      requests.add(new PlacementRequest(topology.vms().get(r.vm()), r.avoid()));
    }
    PlacementPlan plan = plan(requests);
    Step started =
        engine.step(
            fenced.state(), new Input.PlacementDecided(place.id(), plan, t0.plusSeconds(3)));
    int starts = 0;
    for (Command c : started.commands()) {
      if (c instanceof Command.StartVm) {
        starts++;
      }
    }
    lastPlan = plan;
    lastRequests = requests;
    lastStarts = starts;
    return starts + started.commands().size();
  }

  private PlacementPlan plan(List<PlacementRequest> requests) {
    switch (impl) {
      case "scan":
        return new LoadAwarePlacement().place(cluster, requests, t0);
      case "spi":
        return new IndexedPlacement().place(cluster, requests, t0);
      default:
        index.update(failedDown);
        PlacementPlan plan = index.place(requests);
        index.update(failedUp);
        return plan;
    }
  }

  private static <C extends Command> C find(Step step, Class<C> type) {
    for (Command c : step.commands()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    throw new IllegalStateException("no " + type.getSimpleName() + " in " + step.commands());
  }

  @TearDown(Level.Trial)
  public void gate() {
    Gate.check(
        "E1HostFailure " + impl,
        cluster,
        lastRequests,
        lastPlan,
        new LoadAwarePlacement().place(cluster, lastRequests, t0));
    if (lastPlan.assignments().size() != VMS || lastStarts == 0) {
      throw new IllegalStateException(
          "E1: " + lastPlan.assignments().size() + " assigned, " + lastStarts + " started");
    }
  }
}
