package org.relaxha.monitor.ganglia;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.relaxha.monitor.ganglia.xml.GangliaParser;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.spi.monitor.ObservationSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Monitor} over Ganglia: polls gmond or gmetad XML and reports every mapped host or VM as
 * UP (with load_one/five/fifteen, cpu_num, mem_total, mem_free and the configured metrics) while
 * {@code TN <= k x TMAX}, and as UNREACHABLE beyond; a dead source, after failover to the next one,
 * is reported as a lost source, never as hosts down. See {@link GangliaConfig} for the settings and
 * docs/adapters/ganglia.md for the rules.
 *
 * <p>{@link #start} returns at once; the first poll runs on the monitor's own thread, {@code
 * ganglia-NAME-poller}, which does every connection and delivery. {@link #close} closes the
 * connection in progress and stops that thread within a few seconds; nothing is delivered after it
 * returns.
 *
 * <p>Thread-safe.
 */
public final class GangliaMonitor implements Monitor {
  private static final Logger LOG = LoggerFactory.getLogger(GangliaMonitor.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

  private final GangliaConfig config;
  private final HostMapper mapper;
  private final Set<SubjectId> covers;
  private final InstantSource clock;
  private final SourceFetcher fetcher;
  private volatile ScheduledExecutorService executor;
  private volatile Thread thread;
  private volatile Poller poller;
  private volatile boolean closed;

  /**
   * A monitor over {@code config}, mapping to the subjects of {@code topology}, stamping
   * observations with {@code clock}. Connects to nothing until {@link #start}.
   *
   * @throws IllegalArgumentException if a mapping rule or {@code covers} names a subject that is
   *     not configured
   */
  public GangliaMonitor(GangliaConfig config, Topology topology, InstantSource clock) {
    this.config = Require.nonNull(config, "config");
    this.clock = Require.nonNull(clock, "clock");
    this.mapper = new HostMapper(config.rules(), config.autoMap(), topology);
    this.covers = resolveCovers(config.covers(), topology, mapper);
    this.fetcher = new SourceFetcher(new GangliaParser(config.metrics(), config.limits()));
  }

  private static Set<SubjectId> resolveCovers(
      Optional<List<String>> specs, Topology topology, HostMapper mapper) {
    if (specs.isEmpty()) {
      return mapper.fixedTargets();
    }
    Set<SubjectId> resolved = new TreeSet<>();
    List<String> list = specs.get();
    for (int i = 0; i < list.size(); i++) {
      try {
        resolved.add(Subjects.resolve(list.get(i), topology));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("covers[" + i + "]: " + e.getMessage(), e);
      }
    }
    return Set.copyOf(resolved);
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public Set<SubjectId> covers() {
    return covers;
  }

  /** The settings. */
  public GangliaConfig config() {
    return config;
  }

  @Override
  public synchronized void start(ObservationSink sink) {
    Require.nonNull(sink, "sink");
    if (executor != null || closed) {
      throw new IllegalStateException("ganglia monitor " + name() + " starts once");
    }
    poller = new Poller(config, mapper, covers, fetcher, clock, sink, () -> closed);
    String threadName = "ganglia-" + name() + "-poller";
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              thread = t;
              return t;
            });
    schedule(0);
  }

  private void schedule(long delayNanos) {
    try {
      executor.schedule(this::cycle, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // Closed meanwhile.
    }
  }

  private void cycle() {
    if (closed) {
      return;
    }
    long delay;
    try {
      delay = poller.pollOnce();
    } catch (RuntimeException e) {
      LOG.error("ganglia monitor {}: poll failed; trying again later", name(), e);
      delay = config.sources().get(0).interval().toNanos();
    }
    if (!closed) {
      schedule(delay);
    }
  }

  /**
   * The source in use (the one that answered last), empty before the first answer or while lost.
   */
  public Optional<GangliaSource> activeSource() {
    Poller p = poller;
    return p == null ? Optional.empty() : p.active();
  }

  /** The Ganglia hosts reported as unmapped (or mapped to an unknown subject) so far. */
  public Set<String> unmappedHosts() {
    Poller p = poller;
    return p == null ? Set.of() : p.unmapped();
  }

  @Override
  public void close() {
    ScheduledExecutorService running;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      running = executor;
    }
    fetcher.abort();
    if (running == null) {
      return;
    }
    running.shutdownNow();
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    try {
      boolean stopped = running.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      Thread t = thread;
      if (t != null && t != Thread.currentThread()) {
        t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        stopped &= !t.isAlive();
      }
      if (!stopped) {
        LOG.warn("ganglia monitor {}: poller still running {} after close", name(), CLOSE_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "GangliaMonitor[" + name() + " " + config.sourceList() + "]";
  }
}
