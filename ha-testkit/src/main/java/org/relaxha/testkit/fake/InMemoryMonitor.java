package org.relaxha.testkit.fake;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.spi.monitor.MonitoringControl;
import org.relaxha.spi.monitor.ObservationSink;
import org.relaxha.spi.monitor.SourceStatus;
import org.relaxha.testkit.Call;
import org.relaxha.testkit.CallLog;

/**
 * A {@link Monitor} the test drives by hand: it pushes observations ({@link #observe}, {@link
 * #push}) and source losses ({@link #sourceLost}, {@link #sourceRestored}), and they are delivered
 * to the sink on the pushing thread. It runs no thread of its own.
 *
 * <p>Before {@link #start} pushes are buffered and delivered, in order, when it starts; after
 * {@link #close} they are dropped (the push methods return false). {@link #covers()} is whatever
 * the test configured ({@link #setCovers}), empty by default.
 *
 * <p>It is also a {@link MonitoringControl} that records mute, unmute and vmMoved calls (arguments
 * {@code [Set<SubjectId>, reason]} and {@code [VmId, from, to]}), keeps the set of muted subjects,
 * and answers Done unless a result was injected with {@link #failNextControl}.
 *
 * <p>Thread-safe.
 */
public final class InMemoryMonitor implements Monitor, MonitoringControl {
  private final String name;
  private final InstantSource clock;
  private final CallLog log;
  private final List<Object> pending = new ArrayList<>();
  private final List<ActionResult> controlResults = new ArrayList<>();
  private final Set<SubjectId> muted = new TreeSet<>();
  private Set<SubjectId> covers = Set.of();
  private ObservationSink sink;
  private boolean closed;
  private int dropped;
  private IllegalStateException startFailure;

  /** A monitor called {@code name}, stamping observations with {@code clock}. */
  public InMemoryMonitor(String name, InstantSource clock) {
    this.name = Require.nonBlank(name, "name");
    this.clock = Require.nonNull(clock, "clock");
    this.log = new CallLog(clock);
  }

  /** Sets what {@link #covers()} returns. */
  public synchronized InMemoryMonitor setCovers(Collection<? extends SubjectId> subjects) {
    this.covers = Set.copyOf(subjects);
    return this;
  }

  /** Sets what {@link #covers()} returns. */
  public InMemoryMonitor covering(SubjectId... subjects) {
    return setCovers(Arrays.asList(subjects));
  }

  /** Makes the next {@link #start} throw {@code failure}, as a broken configuration would. */
  public synchronized void failStartWith(IllegalStateException failure) {
    this.startFailure = Require.nonNull(failure, "failure");
  }

  // ---------------------------------------------------------------- what the test pushes

  /** Delivers an observation of {@code subject} made now by this monitor. */
  public boolean observe(SubjectId subject, ObservedStatus status) {
    return observe(subject, status, "in-memory " + status);
  }

  /** Delivers an observation of {@code subject} made now by this monitor, with a detail. */
  public boolean observe(SubjectId subject, ObservedStatus status, String detail) {
    return push(Observation.of(subject, status, clock.instant(), name, detail));
  }

  /**
   * Delivers {@code observation} as it is (its source need not be this monitor's name: tests of the
   * controller's checks may send wrong ones on purpose).
   *
   * @return false if the monitor is closed and the observation was dropped
   */
  public boolean push(Observation observation) {
    return deliver(Require.nonNull(observation, "observation"));
  }

  /** Reports this monitor's only source lost. */
  public boolean sourceLost(String reason) {
    return sourceLost(name, reason);
  }

  /** Reports one of this monitor's sources lost. */
  public boolean sourceLost(String source, String reason) {
    return deliver(SourceStatus.lost(name, source, reason, clock.instant()));
  }

  /** Reports this monitor's only source restored. */
  public boolean sourceRestored() {
    return sourceRestored(name);
  }

  /** Reports one of this monitor's sources restored. */
  public boolean sourceRestored(String source) {
    return deliver(SourceStatus.restored(name, source, clock.instant()));
  }

  /** Whether it is started and not closed. */
  public synchronized boolean isStarted() {
    return sink != null && !closed;
  }

  /** How many pushes were dropped because the monitor was closed. */
  public synchronized int dropped() {
    return dropped;
  }

  // ---------------------------------------------------------------- MonitoringControl

  /** The next mute, unmute or vmMoved call returns {@code result} (and changes nothing). */
  public synchronized void failNextControl(ActionResult result) {
    controlResults.add(Require.nonNull(result, "result"));
  }

  /** The subjects muted now. */
  public synchronized Set<SubjectId> muted() {
    return Set.copyOf(muted);
  }

  /** Every MonitoringControl call so far. */
  public List<Call> calls() {
    return log.all();
  }

  /**
   * The MonitoringControl calls of one operation ({@code mute}, {@code unmute}, {@code vmMoved}).
   */
  public List<Call> calls(String operation) {
    return log.of(operation);
  }

  @Override
  public synchronized ActionResult mute(Set<SubjectId> subjects, String reason) {
    ActionResult result = nextControlResult();
    if (result.succeeded()) {
      muted.addAll(subjects);
    }
    log.record("mute", result, Set.copyOf(subjects), reason);
    return result;
  }

  @Override
  public synchronized ActionResult unmute(Set<SubjectId> subjects, String reason) {
    ActionResult result = nextControlResult();
    if (result.succeeded()) {
      muted.removeAll(subjects);
    }
    log.record("unmute", result, Set.copyOf(subjects), reason);
    return result;
  }

  @Override
  public synchronized ActionResult vmMoved(VmId vm, HostId from, HostId to) {
    ActionResult result = nextControlResult();
    log.record("vmMoved", result, vm, from, to);
    return result;
  }

  // ---------------------------------------------------------------- Monitor

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized Set<SubjectId> covers() {
    return covers;
  }

  @Override
  public synchronized void start(ObservationSink observationSink) {
    Require.nonNull(observationSink, "sink");
    if (sink != null && !closed) {
      throw new IllegalStateException("monitor " + name + " is already started");
    }
    if (startFailure != null) {
      IllegalStateException failure = startFailure;
      startFailure = null;
      throw failure;
    }
    sink = observationSink;
    closed = false;
    for (Object item : pending) {
      send(item);
    }
    pending.clear();
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "InMemoryMonitor[" + name + "]";
  }

  private synchronized boolean deliver(Object item) {
    if (closed) {
      dropped++;
      return false;
    }
    if (sink == null) {
      pending.add(item);
    } else {
      send(item);
    }
    return true;
  }

  private void send(Object item) {
    if (item instanceof Observation observation) {
      sink.accept(observation);
    } else {
      sink.sourceStatus((SourceStatus) item);
    }
  }

  private ActionResult nextControlResult() {
    return controlResults.isEmpty()
        ? ActionResult.done("recorded by " + name)
        : controlResults.remove(0);
  }
}
