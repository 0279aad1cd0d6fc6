package org.relaxha.core.runtime;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.relaxha.core.detect.DetectionBoard;
import org.relaxha.core.detect.Verdict;
import org.relaxha.core.engine.Command;
import org.relaxha.core.engine.Decision;
import org.relaxha.core.engine.Engine;
import org.relaxha.core.engine.EngineState;
import org.relaxha.core.engine.Input;
import org.relaxha.core.engine.Step;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.spi.monitor.ObservationSink;
import org.relaxha.spi.monitor.SourceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime shell around the pure engine: it runs the monitors, feeds their observations to the
 * detectors and the detectors' verdicts to the engine, journals every input that changes the
 * engine's state before any of its commands runs, carries the commands out through the SPIs with
 * timeouts and retries, feeds their outcomes back, and exposes a status view and listeners.
 *
 * <p>On {@link #start()} it recovers the engine state from its store, re-issues the commands that
 * were in flight when the previous controller stopped (every command is idempotent and a start
 * checks the inventory first, so no VM is started twice) and re-arms its timers.
 *
 * <p>Build one with {@link #builder()}. Thread-safe: every state change happens on the controller's
 * event loop; the public methods may be called from any thread.
 */
public final class HaController implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HaController.class);
  private static final Logger DECISIONS = LoggerFactory.getLogger("relaxha.decisions");
  private static final int RECENT_DECISIONS = 200;

  private final ControllerSettings settings;
  private final Engine engine;
  private final Topology topology;
  private final Wiring wiring;
  private final InstantSource clock;
  private final Scheduler scheduler;
  private final EventLoop loop;
  private final CallRunner calls;
  private final List<ControllerListener> listeners = new CopyOnWriteArrayList<>();
  private final Sink sink = new Sink();

  // Confined to the loop (or to start() before the loop runs).
  private final Journal journal;
  private volatile EngineState state;
  private DetectionFeed feed;
  private ClusterView cluster;
  private CommandExecutor executor;
  private StartGuard guard;
  private InventoryPoller inventory;
  private boolean statusDirty = true;
  private final Optional<StatusFile> statusFile;
  private final Deque<Decision> recent = new ArrayDeque<>();
  private final List<String> warnings = new ArrayList<>();

  private volatile boolean started;
  private volatile boolean closed;

  HaController(ControllerSettings settings) {
    this.settings = settings;
    this.topology = settings.topology();
    this.engine = new Engine(topology, settings.recoveryPolicy());
    this.wiring = settings.wiring();
    this.clock = settings.clock();
    this.scheduler = settings.scheduler();
    this.loop = settings.loop();
    this.calls = settings.calls();
    settings.listeners().forEach(listeners::add);
    this.statusFile = settings.statusFile().map(StatusFile::new);
    this.journal = new Journal(settings.store(), settings.snapshotEvery());
  }

  /** A builder; see {@link HaControllerBuilder}. */
  public static HaControllerBuilder builder() {
    return new HaControllerBuilder();
  }

  /**
   * Recovers the state, starts the adapters and monitors, and begins handling events. Throws {@link
   * IllegalStateException} naming the adapter for an adapter that cannot start, and the store's
   * exception for a damaged journal; nothing keeps running after a failed start.
   */
  public synchronized void start() {
    if (started || closed) {
      throw new IllegalStateException("a controller starts once");
    }
    Instant now = clock.instant();
    state = journal.recover(engine, now, warnings);
    DetectionBoard board = new DetectionBoard(topology, settings.detectionPolicy(), now);
    cluster = new ClusterView(topology);
    feed = new DetectionFeed(board, cluster, clock, scheduler, loop, this::deliver);
    guard = new StartGuard(wiring, topology, settings.leaseTtl());
    executor =
        new CommandExecutor(
            wiring,
            topology,
            calls,
            scheduler,
            clock,
            settings.timeouts(),
            settings.hypervisorFencing(),
            guard,
            this::awaited,
            loop::submit);
    inventory =
        new InventoryPoller(this, wiring, topology, calls, settings.timeouts().call(), guard);
    for (Monitor m : wiring.monitors()) {
      board.cover(m.name(), m.covers());
    }
    state.vms().forEach((vm, r) -> board.locate(vm, r.location(), now));
    try {
      Adapters.startAll(wiring);
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
    started = true;
    loop.start();
    loop.submit(this::afterStart);
    for (Monitor m : wiring.monitors()) {
      try {
        m.start(sink);
      } catch (RuntimeException e) {
        close();
        throw new IllegalStateException(
            "monitor " + m.name() + " cannot start: " + e.getMessage(), e);
      }
    }
    LOG.info(
        "RelaxHA controller started: {} hosts, {} VMs, {} services; journal at seq {}",
        topology.hosts().size(),
        topology.vms().size(),
        topology.services().size(),
        journal.sequence());
  }

  private void afterStart() {
    for (Command c : state.inflight().values()) {
      LOG.info("re-issuing {} (in flight when the controller stopped)", c);
      if (c instanceof Command.PlaceVms) {
        dispatch(c);
      } else {
        notifyListeners(l -> l.onCommand(c));
        executor.reissue(c, result -> loop.submit(() -> apply(result)));
      }
    }
    state.pendingWakeUps().forEach(this::arm);
    journal.snapshotIfBehind(state);
    inventory.pollEvery(settings.inventoryInterval());
    feed.rearm();
    refreshStatusFile();
  }

  private void refreshStatusFile() {
    if (closed || statusFile.isEmpty()) {
      return;
    }
    if (statusDirty) {
      statusDirty = false;
      String text = StatusReport.render(buildStatus());
      calls.run(
          "status file",
          () -> {
            statusFile.get().write(text);
            return null;
          },
          settings.timeouts().call(),
          outcome -> {});
    }
    scheduler.at(
        clock.instant().plus(settings.statusInterval()),
        () -> loop.submit(this::refreshStatusFile));
  }

  // ---- the loop

  /** Applies one input: step, journal, publish, dispatch. Runs on the loop. */
  void apply(Input input) {
    if (closed || state == null) {
      return;
    }
    Step step;
    try {
      step = engine.step(state, input);
    } catch (RuntimeException e) {
      LOG.error("engine failed on {}; input dropped, controller goes on", input, e);
      warn("engine failed on " + input.getClass().getSimpleName() + ": " + e);
      return;
    }
    if (step.changed() && !journal.append(input, step.state(), warnings)) {
      return;
    }
    state = step.state();
    statusDirty |= step.changed();
    notifyListeners(l -> l.onInput(input));
    for (Decision d : step.decisions()) {
      record(d);
    }
    for (Command c : step.commands()) {
      dispatch(c);
    }
    syncLocations(step);
  }

  private void record(Decision d) {
    DECISIONS.info("{}", d);
    recent.addLast(d);
    while (recent.size() > RECENT_DECISIONS) {
      recent.removeFirst();
    }
    notifyListeners(l -> l.onDecision(d));
  }

  private void syncLocations(Step step) {
    for (SubjectId s : step.touched()) {
      if (s instanceof VmId vm) {
        feed.locate(vm, state.vm(vm).location());
      }
    }
  }

  private void dispatch(Command c) {
    notifyListeners(l -> l.onCommand(c));
    if (c instanceof Command.WakeMeAt w) {
      arm(w);
    } else if (c instanceof Command.PlaceVms p) {
      loop.submit(() -> place(p));
    } else {
      executor.execute(c, result -> loop.submit(() -> apply(result)));
    }
  }

  /** Whether the engine still awaits {@code c} (see {@link EngineState#awaits}). On the loop. */
  private boolean awaited(Command c) {
    return !closed && state != null && state.awaits(c);
  }

  private void place(Command.PlaceVms p) {
    if (!state.inflight().containsKey(p.id())) {
      return;
    }
    Instant now = clock.instant();
    apply(
        new Input.PlacementDecided(
            p.id(), Placer.plan(settings.placement(), cluster, state, topology, p, now), now));
  }

  private void arm(Command.WakeMeAt w) {
    scheduler.at(
        w.at(),
        () ->
            loop.submit(
                () -> {
                  Instant now = clock.instant();
                  apply(new Input.TimerFired(w.subject(), now.isBefore(w.at()) ? w.at() : now));
                }));
  }

  private void onSourceStatus(SourceStatus s) {
    apply(
        new Input.MonitoringChanged(
            s.monitor(), s.source(), s.available(), s.reason(), clock.instant()));
    feed.sourceStatus(s);
  }

  private void deliver(List<Verdict> verdicts) {
    for (Verdict v : verdicts) {
      notifyListeners(l -> l.onVerdict(v));
      apply(
          new Input.HealthChanged(v.subject(), v.health(), v.guestReachable(), v.reason(), v.at()));
    }
  }

  /** Inventory results, on the loop. */
  void locate(VmId vm, Optional<HostId> host) {
    apply(new Input.VmLocated(vm, host, clock.instant()));
  }

  /** An observation the controller made itself (inventory), on the loop. */
  void observe(Observation o) {
    feed.observe(o);
  }

  void poolReachability(HostId host, String pool, boolean reachable) {
    cluster.poolReachability(host, pool, reachable);
  }

  EngineState engineState() {
    return state;
  }

  void warn(String warning) {
    if (!warnings.contains(warning)) {
      warnings.add(warning);
    }
  }

  void submit(Runnable event) {
    loop.submit(event);
  }

  Instant now() {
    return clock.instant();
  }

  Scheduler scheduler() {
    return scheduler;
  }

  private void notifyListeners(Consumer<ControllerListener> call) {
    for (ControllerListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("listener {} failed", l, e);
      }
    }
  }

  // ---- public API

  /** Where monitors (or an embedder) deliver observations. Thread-safe, never blocks. */
  public ObservationSink sink() {
    return sink;
  }

  /** Follows the controller; see {@link ControllerListener}. */
  public void addListener(ControllerListener listener) {
    listeners.add(listener);
  }

  /** The topology the controller watches. */
  public Topology topology() {
    return topology;
  }

  /**
   * The controller's status now. Computed on the loop; from another thread this waits up to 5 s for
   * the loop.
   */
  public StatusSnapshot status() {
    if (!started) {
      throw new IllegalStateException("the controller has not started");
    }
    CompletableFuture<StatusSnapshot> result = new CompletableFuture<>();
    loop.submit(() -> result.complete(buildStatus()));
    try {
      return result.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the controller's loop did not answer within 5 s", e);
    }
  }

  private StatusSnapshot buildStatus() {
    Instant now = clock.instant();
    return StatusViews.snapshot(
        now,
        state,
        feed.board(),
        journal.sequence(),
        calls.stuckCalls(),
        warnings,
        List.copyOf(recent));
  }

  /**
   * An administrator confirms {@code host} is off (manual fencing): its VMs may start elsewhere.
   */
  public void confirmFenced(HostId host, String operator) {
    requireHost(host);
    loop.submit(() -> apply(new Input.ConfirmFenced(host, operator, clock.instant())));
  }

  /** An administrator releases the mass-failure safety valve: held hosts are fenced now. */
  public void releaseHold(String operator) {
    loop.submit(() -> apply(new Input.ReleaseHold(operator, clock.instant())));
  }

  /** Puts a host in or out of maintenance: no VM is placed on a host in maintenance. */
  public void setMaintenance(HostId host, boolean maintenance, String operator) {
    requireHost(host);
    loop.submit(
        () -> apply(new Input.SetMaintenance(host, maintenance, operator, clock.instant())));
  }

  /** Clears a VM's GAVE_UP state; its ladder starts again if it is still down. */
  public void resetVm(VmId vm, String operator) {
    if (!topology.vms().containsKey(vm)) {
      throw new IllegalArgumentException("unknown vm " + vm);
    }
    loop.submit(() -> apply(new Input.ResetVm(vm, operator, clock.instant())));
  }

  private void requireHost(HostId host) {
    if (!topology.hosts().containsKey(host)) {
      throw new IllegalArgumentException("unknown host " + host);
    }
  }

  /**
   * Stops the monitors, the loop (after a final snapshot), the call threads and the adapters, and
   * releases the store. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    for (Monitor m : wiring.monitors()) {
      Adapters.closeQuietly(m::close, "monitor " + m.name());
    }
    if (started) {
      CompletableFuture<Void> flushed = new CompletableFuture<>();
      loop.submit(
          () -> {
            journal.snapshotIfBehind(state);
            flushed.complete(null);
          });
      try {
        flushed.get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("final snapshot not taken: {}", e.toString());
      }
    }
    closed = true;
    if (inventory != null) {
      inventory.stop();
    }
    loop.stop();
    if (settings.ownsRuntime()) {
      calls.close();
      if (scheduler instanceof AutoCloseable c) {
        Adapters.closeQuietly(c::close, "scheduler");
      }
    }
    Adapters.closeAll(wiring);
    journal.close();
    LOG.info("RelaxHA controller stopped");
  }

  /** Receives observations from monitor threads and hands them to the loop. */
  private final class Sink implements ObservationSink {
    @Override
    public void accept(Observation observation) {
      if (observation != null) {
        loop.submit(() -> feed.observe(observation));
      }
    }

    @Override
    public void sourceStatus(SourceStatus status) {
      if (status != null) {
        loop.submit(() -> onSourceStatus(status));
      }
    }
  }
}
