package org.relaxha.xen;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.libvirt.Connect;
import org.libvirt.ConnectAuth;
import org.libvirt.LibvirtException;
import org.libvirt.event.DomainEvent;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * What one adapter's components share: a {@link HostLink} per host, the pool that runs libvirt
 * calls with timeouts, a small scheduler (reconnects, heartbeats) and a hold on libvirt's event
 * loop. The {@link LibvirtHypervisor} and the {@link LibvirtEventMonitor} of one adapter each
 * {@link #acquire()} it when they start and {@link #release()} it when they close; the first opens
 * the connections, the last closes them and stops every thread.
 *
 * <p>Thread-safe.
 */
final class LibvirtSession implements HostLink.Listener {
  private static final System.Logger LOG = System.getLogger(LibvirtSession.class.getName());

  /** A call made with a host's open connection. */
  @FunctionalInterface
  interface ConnectionCall<T> {
    T run(Connect connection) throws LibvirtException;
  }

  private final LibvirtConfig config;
  private final List<HostLink.Listener> listeners = new CopyOnWriteArrayList<>();

  private int users;
  private LibvirtCalls calls;
  private ScheduledThreadPoolExecutor timer;
  private AdapterThreads timerFactory;
  private Map<HostId, HostLink> links = Map.of();

  LibvirtSession(LibvirtConfig config) {
    this.config = config;
  }

  LibvirtConfig config() {
    return config;
  }

  /** Takes a hold; the first opens the connections (in the background). */
  synchronized void acquire() {
    if (users == 0) {
      open();
    }
    users++;
  }

  /** Drops a hold; the last closes the connections and stops every thread. */
  void release() {
    synchronized (this) {
      if (users == 0) {
        return;
      }
      users--;
      if (users > 0) {
        return;
      }
    }
    shutdown();
  }

  private void open() {
    LibvirtEventLoop.acquire();
    String name = config.name();
    calls = new LibvirtCalls(name, config.threads());
    int timerThreads = Math.max(2, Math.min(4, config.hosts().size()));
    timerFactory = new AdapterThreads("relaxha-libvirt-" + name + "-timer-");
    timer = new ScheduledThreadPoolExecutor(timerThreads, timerFactory);
    timer.setRemoveOnCancelPolicy(true);
    Optional<ConnectAuth> auth =
        config.username().map(u -> new SecretAuth(u, config.password().orElse(null)));
    Map<HostId, HostLink> opened = new LinkedHashMap<>();
    config
        .hosts()
        .forEach(
            (host, uri) ->
                opened.put(host, new HostLink(host, uri, config, calls, timer, this, auth)));
    links = Map.copyOf(opened);
    links.values().forEach(HostLink::open);
  }

  private void shutdown() {
    Map<HostId, HostLink> closing;
    LibvirtCalls oldCalls;
    ScheduledThreadPoolExecutor oldTimer;
    AdapterThreads oldTimerThreads;
    synchronized (this) {
      closing = links;
      oldCalls = calls;
      oldTimer = timer;
      oldTimerThreads = timerFactory;
    }
    closing.values().forEach(HostLink::close);
    oldTimer.shutdownNow();
    try {
      if (oldTimer.awaitTermination(2, TimeUnit.SECONDS)) {
        oldTimerThreads.join(Duration.ofSeconds(2));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    oldCalls.shutdown(Duration.ofSeconds(2));
    LibvirtEventLoop.release();
  }

  /** Waits up to {@code timeout} until every host has had its first connection attempt. */
  void awaitFirstAttempts(Duration timeout) {
    CompletableFuture<?>[] attempts =
        links().values().stream().map(HostLink::firstAttempt).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(attempts).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOG.log(System.Logger.Level.INFO, "libvirt: some hosts still connecting: {0}", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  synchronized Map<HostId, HostLink> links() {
    return links;
  }

  synchronized ScheduledExecutorService timer() {
    return timer;
  }

  synchronized int stuckCalls() {
    return calls == null ? 0 : calls.stuckCalls();
  }

  /**
   * Runs {@code call} with {@code host}'s connection, bounded by the call timeout. A host that is
   * not connected answers {@link LibvirtCalls.Outcome.Unreachable} at once; a connection-level
   * error makes the link check its connection (and reconnect if it is dead).
   */
  <T> LibvirtCalls.Outcome<T> call(
      HostId host, Optional<VmId> vm, String what, ConnectionCall<T> call) {
    return call(host, vm, what, config.callTimeout(), call);
  }

  /** {@link #call(HostId, Optional, String, ConnectionCall)} with its own timeout. */
  <T> LibvirtCalls.Outcome<T> call(
      HostId host, Optional<VmId> vm, String what, Duration timeout, ConnectionCall<T> call) {
    HostLink link = links().get(host);
    LibvirtCalls pool;
    synchronized (this) {
      pool = calls;
    }
    if (link == null || pool == null) {
      return new LibvirtCalls.Outcome.Unreachable<>(
          link == null
              ? "host " + host + " is not managed by libvirt adapter " + config.name()
              : "libvirt adapter " + config.name() + " is not started");
    }
    Optional<SharedConnection> connection = link.connection();
    if (connection.isEmpty()) {
      return new LibvirtCalls.Outcome.Unreachable<>(
          "no libvirt connection to " + host + ": " + link.downReason());
    }
    SharedConnection c = connection.get();
    LibvirtCalls.Outcome<T> outcome = pool.run(host, vm, what, timeout, () -> c.use(call));
    if (outcome instanceof LibvirtCalls.Outcome.Failed<T> f && f.error().connectionLevel()) {
      link.suspect(c, f.error());
    }
    return outcome;
  }

  void addListener(HostLink.Listener listener) {
    listeners.add(listener);
  }

  void removeListener(HostLink.Listener listener) {
    listeners.remove(listener);
  }

  @Override
  public void connected(HostId host) {
    each(l -> l.connected(host));
  }

  @Override
  public void lost(HostId host, String reason) {
    each(l -> l.lost(host, reason));
  }

  @Override
  public void lifecycle(HostId host, String domain, DomainEvent event) {
    each(l -> l.lifecycle(host, domain, event));
  }

  /** Callbacks run on libvirt's event loop: nothing may escape into native code. */
  private void each(java.util.function.Consumer<HostLink.Listener> call) {
    for (HostLink.Listener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "libvirt: a listener failed", e);
      }
    }
  }
}
