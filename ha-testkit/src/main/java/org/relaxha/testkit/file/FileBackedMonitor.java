package org.relaxha.testkit.file;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.relaxha.spi.Require;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.spi.monitor.ObservationSink;
import org.relaxha.spi.monitor.SourceStatus;

/**
 * A {@link Monitor} that polls a {@link FileBackedWorld} on its own daemon thread every {@code
 * interval} and reports every host and VM of the world:
 *
 * <ul>
 *   <li>a host is UP if it is powered on and connected, else UNREACHABLE (with metric {@code
 *       load_five} 0.0 when up, so placement sees an idle host);
 *   <li>a VM is UP if it is RUNNING on a host that is up, else UNREACHABLE.
 * </ul>
 *
 * <p>{@link #covers()} is every host and VM of the world at the time of the call. When the world
 * cannot be read (its state file is gone or broken), the monitor reports its source lost, and
 * restored once it can read it again. Observations are not authoritative unless {@link
 * #authoritative(boolean)} says so before start.
 *
 * <p>{@link #close()} stops the polling thread within a second. Thread-safe.
 */
public final class FileBackedMonitor implements Monitor {
  private final FileBackedWorld world;
  private final String name;
  private final Duration interval;
  private final InstantSource clock;
  private volatile boolean authoritative;
  private Thread poller;
  private volatile boolean running;

  /** A monitor called {@code name} polling {@code world} every {@code interval}. */
  public FileBackedMonitor(FileBackedWorld world, String name, Duration interval) {
    this(world, name, interval, InstantSource.system());
  }

  /** As above, stamping observations with {@code clock}. */
  public FileBackedMonitor(
      FileBackedWorld world, String name, Duration interval, InstantSource clock) {
    this.world = Require.nonNull(world, "world");
    this.name = Require.nonBlank(name, "name");
    this.interval = Require.positive(interval, "interval");
    this.clock = Require.nonNull(clock, "clock");
  }

  /** Marks the observations authoritative (a failure makes the subject DOWN at once). */
  public FileBackedMonitor authoritative(boolean value) {
    this.authoritative = value;
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<SubjectId> covers() {
    WorldState state = world.state();
    Set<SubjectId> subjects = new TreeSet<>(state.hosts().keySet());
    subjects.addAll(state.vms());
    return subjects;
  }

  @Override
  public synchronized void start(ObservationSink sink) {
    Require.nonNull(sink, "sink");
    if (running) {
      throw new IllegalStateException("monitor " + name + " is already started");
    }
    running = true;
    poller = new Thread(() -> poll(sink), "relaxha-file-monitor-" + name);
    poller.setDaemon(true);
    poller.start();
  }

  @Override
  public void close() {
    Thread thread;
    synchronized (this) {
      running = false;
      thread = poller;
      poller = null;
    }
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "FileBackedMonitor[" + name + " over " + world.directory() + "]";
  }

  private void poll(ObservationSink sink) {
    boolean lost = false;
    while (running) {
      WorldState state = null;
      String problem = null;
      try {
        state = world.state();
      } catch (RuntimeException e) {
        problem = e.toString();
      }
      if (!running || Thread.currentThread().isInterrupted()) {
        return;
      }
      try {
        if (state != null) {
          if (lost) {
            sink.sourceStatus(SourceStatus.restored(name, name, clock.instant()));
            lost = false;
          }
          report(sink, state);
        } else if (!lost) {
          sink.sourceStatus(SourceStatus.lost(name, name, problem, clock.instant()));
          lost = true;
        }
      } catch (RuntimeException e) {
        // The sink must not throw; if it does, keep polling rather than die silently.
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void report(ObservationSink sink, WorldState state) {
    Instant now = clock.instant();
    state
        .hosts()
        .forEach(
            (host, h) ->
                deliver(
                    sink,
                    Observation.of(
                            host,
                            h.isUp() ? ObservedStatus.UP : ObservedStatus.UNREACHABLE,
                            now,
                            name,
                            h.poweredOn() ? (h.reachable() ? "on" : "cut off") : "off")
                        .withMetrics(h.isUp() ? Map.of(Observation.LOAD_FIVE, 0.0) : Map.of())));
    for (VmId vm : state.vms()) {
      Set<HostId> upHosts = new TreeSet<>();
      state
          .hosts()
          .forEach(
              (host, h) -> {
                if (h.isUp() && h.vms().get(vm) == PowerState.RUNNING) {
                  upHosts.add(host);
                }
              });
      ObservedStatus status = upHosts.isEmpty() ? ObservedStatus.UNREACHABLE : ObservedStatus.UP;
      String detail =
          upHosts.isEmpty() ? "not running on a host that is up" : "running on " + upHosts;
      deliver(sink, Observation.of(vm, status, now, name, detail));
    }
  }

  private void deliver(ObservationSink sink, Observation observation) {
    sink.accept(authoritative ? observation.asAuthoritative() : observation);
  }
}
