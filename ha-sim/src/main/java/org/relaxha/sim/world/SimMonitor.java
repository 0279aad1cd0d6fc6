package org.relaxha.sim.world;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.relaxha.sim.Distribution;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.spi.monitor.ObservationSink;

/**
 * What the simulated monitors share: a name, the subjects they cover, delivery to the sink after
 * the monitor's latency, and a lifecycle (nothing is delivered after {@link #close()}). A new
 * controller gets new monitor instances over the same world.
 *
 * <p>Confined to the simulation's thread, like its world.
 */
abstract class SimMonitor implements Monitor {
  final SimWorld world;
  private final String name;
  private final Distribution latency;
  private final Set<SubjectId> covers;
  private ObservationSink sink;
  private boolean closed;

  SimMonitor(SimWorld world, String name, Distribution latency, Set<SubjectId> covers) {
    this.world = world;
    this.name = name;
    this.latency = latency;
    this.covers = java.util.Collections.unmodifiableSet(new TreeSet<>(covers));
  }

  /** Every subject of the world's topology of the given kinds. */
  static Set<SubjectId> subjects(SimWorld world, Set<SubjectId.Kind> kinds) {
    Set<SubjectId> all = new TreeSet<>();
    var t = world.scenario().topology();
    if (kinds.contains(SubjectId.Kind.HOST)) {
      all.addAll(t.hosts().keySet());
    }
    if (kinds.contains(SubjectId.Kind.VM)) {
      all.addAll(t.vms().keySet());
    }
    if (kinds.contains(SubjectId.Kind.SERVICE)) {
      all.addAll(t.services().keySet());
    }
    return all;
  }

  static Criticality criticality(SimWorld world, SubjectId s) {
    var t = world.scenario().topology();
    return switch (s.kind()) {
      case HOST -> t.hosts().get(s).criticality();
      case VM -> t.vms().get(s).criticality();
      case SERVICE -> t.services().get(s).criticality();
    };
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<SubjectId> covers() {
    return covers;
  }

  @Override
  public final void start(ObservationSink target) {
    if (sink != null) {
      throw new IllegalStateException("monitor " + name + " starts once");
    }
    sink = target;
    started();
  }

  /** Begins producing observations (schedules the first checks). */
  abstract void started();

  boolean running() {
    return sink != null && !closed;
  }

  /** Delivers {@code o} after the monitor's latency, unless it is closed by then. */
  void deliver(Observation o) {
    if (!running()) {
      return;
    }
    Duration after = world.sample(latency, "latency:" + name);
    world
        .time()
        .at(
            world.now().plus(after),
            () -> {
              if (running()) {
                sink.accept(o);
              }
            });
  }

  @Override
  public void close() {
    closed = true;
  }
}
