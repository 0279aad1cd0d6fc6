package org.relaxha.sim.world;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.relaxha.sim.MonitorSpec;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.SubjectId;

/**
 * A Ganglia-like feed over a {@link SimWorld} ({@link MonitorSpec.Ganglia}): each covered host and
 * VM runs gmond, which sends a heartbeat every {@code heartbeat} at its own phase while the subject
 * is alive (and once when it comes up); every {@code poll} the controller reads gmetad, and a
 * subject whose last heartbeat (TN) is older than {@code deadAfter} is reported UNREACHABLE, any
 * other UP as of its last heartbeat (hosts with their {@code load_five}), so that stale data never
 * looks newer than it is. The detection lag of a dead subject is thus about {@code deadAfter} minus
 * half a heartbeat, plus up to one poll.
 *
 * <p>Confined to the simulation's thread, like its world.
 */
public final class GangliaMonitor extends SimMonitor {
  private final MonitorSpec.Ganglia spec;
  private final Map<SubjectId, Long> phases = new HashMap<>();

  public GangliaMonitor(SimWorld world, MonitorSpec.Ganglia spec) {
    super(world, spec.name(), spec.latency(), subjects(world, spec.covers()));
    this.spec = spec;
  }

  @Override
  void started() {
    long phase = world.random("poll:" + name()).nextLong(spec.poll().toMillis());
    world.time().at(world.now().plusMillis(phase), this::poll);
  }

  private void poll() {
    if (!running()) {
      return;
    }
    Instant now = world.now();
    for (SubjectId s : covers()) {
      Optional<Instant> beat = lastHeartbeat(s);
      long tn = beat.map(b -> Duration.between(b, now).toSeconds()).orElse(Long.MAX_VALUE);
      Observation o;
      if (beat.isPresent() && Duration.between(beat.get(), now).compareTo(spec.deadAfter()) <= 0) {
        // gmond made this observation when it sent its last heartbeat, TN seconds ago.
        o = Observation.of(s, ObservedStatus.UP, beat.get(), name(), "TN=" + tn + "s");
        if (s instanceof HostId h) {
          o = o.withMetrics(Map.of(Observation.LOAD_FIVE, world.loadFive(h)));
        }
      } else {
        String detail =
            beat.isEmpty()
                ? "no heartbeat received"
                : "TN=" + tn + "s > " + spec.deadAfter().toSeconds() + "s: no heartbeat";
        o = Observation.of(s, ObservedStatus.UNREACHABLE, now, name(), detail);
      }
      deliver(o);
    }
    world.time().at(now.plus(spec.poll()), this::poll);
  }

  /** The last heartbeat gmetad received from {@code s}, if any. */
  private Optional<Instant> lastHeartbeat(SubjectId s) {
    Optional<Instant> last = world.lastAlive(s);
    if (last.isEmpty()) {
      return Optional.empty();
    }
    Instant since = world.aliveSinceEver(s);
    long hb = spec.heartbeat().toMillis();
    long phase = phases.computeIfAbsent(s, k -> world.random("gmond:" + k.key()).nextLong(hb));
    long t = last.get().toEpochMilli();
    long grid = Math.floorDiv(t - phase, hb) * hb + phase;
    Instant beat = Instant.ofEpochMilli(grid);
    return Optional.of(beat.isBefore(since) ? since : beat);
  }
}
