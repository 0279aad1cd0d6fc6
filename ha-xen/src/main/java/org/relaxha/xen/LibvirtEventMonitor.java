package org.relaxha.xen;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.libvirt.event.DomainEvent;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.hypervisor.VmStatus;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.spi.monitor.ObservationSink;
import org.relaxha.spi.monitor.SourceStatus;

/**
 * A {@link Monitor} over libvirt's lifecycle events: a VM that crashes or is stopped is known the
 * moment libvirt says so, not at the next poll.
 *
 * <ul>
 *   <li>Lifecycle events become observations at once (see {@link LifecycleEvents}): STOPPED and
 *       CRASHED are UNREACHABLE and authoritative, SUSPENDED is UNREACHABLE, STARTED and RESUMED
 *       are UP.
 *   <li>Every {@code heartbeat}, each host's domains are re-read: a host that answers is observed
 *       UP, and state changes missed while a connection was down are reported like events.
 *   <li>A lost connection is an UNREACHABLE observation about its host (not authoritative: the host
 *       may be fine and only libvirtd gone), repeated every heartbeat while it lasts; when
 *       <i>every</i> host's connection is lost the monitor also reports its source lost.
 * </ul>
 *
 * <p>{@link #covers()} is empty: the monitor reports what it sees and its silence proves nothing.
 * libvirt's event loop runs on its own daemon thread ({@link LibvirtEventLoop}); {@link #close()}
 * stops it when no other component of the adapter needs it.
 *
 * <p>Thread-safe.
 */
public final class LibvirtEventMonitor implements Monitor, HostLink.Listener {
  private static final System.Logger LOG = System.getLogger(LibvirtEventMonitor.class.getName());

  private final LibvirtSession session;
  private final LibvirtConfig config;
  private final Domains domains;
  private final InstantSource clock;
  private final Map<HostId, Map<VmId, PowerState>> known = new ConcurrentHashMap<>();
  private final Set<HostId> down = ConcurrentHashMap.newKeySet();
  private final List<ScheduledFuture<?>> heartbeats = new ArrayList<>();
  private volatile ObservationSink sink;
  private volatile boolean closed;
  private boolean sourceLost;

  LibvirtEventMonitor(LibvirtSession session, InstantSource clock) {
    this.session = session;
    this.config = session.config();
    this.domains = new Domains(config);
    this.clock = clock;
  }

  @Override
  public String name() {
    return config.name();
  }

  /** Empty: events and heartbeats are reported as they come; silence means nothing. */
  @Override
  public Set<SubjectId> covers() {
    return Set.of();
  }

  /** Registers for events and starts the heartbeats; connects in the background if needed. */
  @Override
  public synchronized void start(ObservationSink target) {
    if (sink != null || closed) {
      throw new IllegalStateException("libvirt event monitor " + name() + " starts once");
    }
    sink = target;
    session.addListener(this);
    session.acquire();
    ScheduledExecutorService timer = session.timer();
    long every = config.heartbeat().toMillis();
    for (HostId host : config.hosts().keySet()) {
      heartbeats.add(
          timer.scheduleWithFixedDelay(() -> beat(host), 0, every, TimeUnit.MILLISECONDS));
    }
  }

  // ---- from the links (event loop and pool threads)

  @Override
  public void connected(HostId host) {
    if (!closed) {
      session.timer().execute(() -> beat(host));
    }
  }

  @Override
  public void lost(HostId host, String reason) {
    known.remove(host);
    hostUnreachable(host, "libvirt connection lost: " + reason);
    boolean allDown;
    synchronized (this) {
      down.add(host);
      allDown = down.containsAll(config.hosts().keySet()) && !sourceLost;
      sourceLost |= allDown;
    }
    if (allDown) {
      status(SourceStatus.lost(name(), name(), "no libvirt host answers: " + reason, now()));
    }
  }

  @Override
  public void lifecycle(HostId host, String domain, DomainEvent event) {
    Optional<VmId> vm = domains.vmOf(domain);
    if (vm.isEmpty()) {
      return;
    }
    Optional<LifecycleEvents.Reading> reading = LifecycleEvents.read(event);
    if (reading.isEmpty()) {
      return;
    }
    LifecycleEvents.Reading r = reading.get();
    known.computeIfAbsent(host, h -> new ConcurrentHashMap<>()).put(vm.get(), r.state());
    report(vm.get(), r.status(), r.authoritative(), "libvirt event " + r.text() + " on " + host);
  }

  // ---- heartbeats (scheduler threads)

  private void beat(HostId host) {
    HostLink link = session.links().get(host);
    if (closed || link == null || !link.firstAttempt().isDone()) {
      return; // the first connection attempt reports either way (connected or lost)
    }
    LibvirtCalls.Outcome<List<VmStatus>> outcome =
        session.call(host, Optional.empty(), "list domains", domains::list);
    if (outcome instanceof LibvirtCalls.Outcome.Ok<List<VmStatus>> ok) {
      answered(host, ok.value());
    } else {
      String why =
          outcome instanceof LibvirtCalls.Outcome.Failed<List<VmStatus>> f
              ? f.error().describe()
              : ((LibvirtCalls.Outcome.Unreachable<List<VmStatus>>) outcome).reason();
      hostUnreachable(host, why);
    }
  }

  private void answered(HostId host, List<VmStatus> now) {
    boolean restored;
    synchronized (this) {
      down.remove(host);
      restored = sourceLost;
      sourceLost = false;
    }
    if (restored) {
      status(SourceStatus.restored(name(), name(), now()));
    }
    deliver(Observation.of(host, ObservedStatus.UP, now(), name(), "libvirt answers"));
    Map<VmId, PowerState> before = known.getOrDefault(host, Map.of());
    Map<VmId, PowerState> after = new HashMap<>();
    for (VmStatus s : now) {
      after.put(s.vm(), s.state());
      changed(host, s.vm(), before.get(s.vm()), s.state());
    }
    known.put(host, new ConcurrentHashMap<>(after));
    Set<VmId> gone = new HashSet<>(before.keySet());
    gone.removeAll(after.keySet());
    gone.forEach(vm -> changed(host, vm, before.get(vm), PowerState.SHUT_OFF));
  }

  /**
   * A state seen by polling: reported only when it differs from what was known, and an "off" only
   * when the VM was known to run on this host (a definition left on another host is no failure).
   */
  private void changed(HostId host, VmId vm, PowerState was, PowerState is) {
    if (is == was) {
      return;
    }
    String why =
        "libvirt on " + host + " lists it " + is + (was == null ? "" : " (was " + was + ")");
    if (is == PowerState.RUNNING) {
      report(vm, ObservedStatus.UP, false, why);
    } else if (was != null && was.mayBeRunning() && !is.mayBeRunning()) {
      report(vm, ObservedStatus.UNREACHABLE, true, why);
    } else if (was == PowerState.RUNNING && is == PowerState.PAUSED) {
      report(vm, ObservedStatus.UNREACHABLE, false, why);
    }
  }

  private void hostUnreachable(HostId host, String why) {
    deliver(Observation.of(host, ObservedStatus.UNREACHABLE, now(), name(), why));
  }

  private void report(VmId vm, ObservedStatus status, boolean authoritative, String detail) {
    Observation o = Observation.of(vm, status, now(), name(), detail);
    deliver(authoritative ? o.asAuthoritative() : o);
  }

  private void deliver(Observation o) {
    ObservationSink target = sink;
    if (closed || target == null) {
      return;
    }
    try {
      target.accept(o);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "libvirt: the sink refused an observation", e);
    }
  }

  private void status(SourceStatus s) {
    ObservationSink target = sink;
    if (!closed && target != null) {
      target.sourceStatus(s);
    }
  }

  private java.time.Instant now() {
    return clock.instant();
  }

  /** Stops the heartbeats, unregisters, and releases the connections if no one else uses them. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      heartbeats.forEach(f -> f.cancel(false));
      heartbeats.clear();
    }
    session.removeListener(this);
    if (sink != null) {
      session.release();
    }
  }

  @Override
  public String toString() {
    return "LibvirtEventMonitor[" + name() + ", hosts=" + config.hosts().keySet() + "]";
  }
}
