package org.relaxha.xen;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.libvirt.Connect;
import org.libvirt.ConnectAuth;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.event.ConnectionCloseListener;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.LifecycleListener;
import org.relaxha.spi.model.HostId;

/**
 * The connection to one host's libvirt: opened on request, watched (keepalive on remote
 * connections, libvirt's close callback, connection-level errors of calls), and reopened with
 * exponential backoff when it drops. Its lifecycle events and connection changes go to one {@link
 * Listener}. Calls use the connection through its {@link SharedConnection}, so that neither a drop
 * nor {@link #close()} frees it under a call still inside libvirt. The {@link Connect} never leaves
 * the adapter's package.
 *
 * <p>Thread-safe: the state is guarded by this object; callbacks arrive on libvirt's event loop
 * thread and only record and schedule.
 */
final class HostLink {
  private static final System.Logger LOG = System.getLogger(HostLink.class.getName());

  /** Receives what happens on the link. Called from any thread; must not block. */
  interface Listener {
    void connected(HostId host);

    void lost(HostId host, String reason);

    void lifecycle(HostId host, String domain, DomainEvent event);
  }

  private final HostId host;
  private final String uri;
  private final LibvirtConfig config;
  private final LibvirtCalls calls;
  private final ScheduledExecutorService timer;
  private final Listener listener;
  private final Optional<ConnectAuth> auth;
  private final LifecycleListener lifecycle = this::onLifecycle;
  private final ConnectionCloseListener closeListener = (c, reason) -> onClosed(c, "" + reason);

  private SharedConnection connection;
  private String downReason = "not connected yet";
  private int failures;
  private boolean closed;
  private boolean attempting;
  private boolean reportedDown;
  private ScheduledFuture<?> retry;
  private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();

  HostLink(
      HostId host,
      String uri,
      LibvirtConfig config,
      LibvirtCalls calls,
      ScheduledExecutorService timer,
      Listener listener,
      Optional<ConnectAuth> auth) {
    this.host = host;
    this.uri = uri;
    this.config = config;
    this.calls = calls;
    this.timer = timer;
    this.listener = listener;
    this.auth = auth;
  }

  HostId host() {
    return host;
  }

  String uri() {
    return uri;
  }

  /** Starts connecting in the background; the future completes after the first attempt. */
  CompletableFuture<Void> open() {
    schedule(Duration.ZERO);
    return firstAttempt;
  }

  /** Completes after the first connection attempt (or when the link is closed). */
  CompletableFuture<Void> firstAttempt() {
    return firstAttempt;
  }

  /** The open connection, or empty with {@link #downReason()}. */
  synchronized Optional<SharedConnection> connection() {
    return Optional.ofNullable(connection);
  }

  /** Why there is no connection. */
  synchronized String downReason() {
    return downReason;
  }

  /** Whether the link is connected now. */
  synchronized boolean connected() {
    return connection != null;
  }

  /**
   * Reports a connection-level error on {@code used}: if libvirt says the connection is dead, it is
   * dropped and reopened.
   */
  void suspect(SharedConnection used, LibvirtError error) {
    if (!used.alive()) {
      onClosed(used, error.code() + ": " + error.message());
    }
  }

  private synchronized void schedule(Duration delay) {
    if (closed || attempting || connection != null) {
      return;
    }
    if (retry != null && !retry.isDone()) {
      return;
    }
    retry = timer.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void attempt() {
    synchronized (this) {
      if (closed || connection != null) {
        return;
      }
      attempting = true;
    }
    LibvirtCalls.Outcome<Connect> outcome =
        calls.run(host, Optional.empty(), "connect to " + uri, config.connectTimeout(), this::dial);
    boolean nowConnected = false;
    String failure = null;
    boolean report = false;
    Connect orphan = null;
    synchronized (this) {
      attempting = false;
      if (outcome instanceof LibvirtCalls.Outcome.Ok<Connect> ok) {
        if (closed) {
          orphan = ok.value();
        } else {
          connection = new SharedConnection(ok.value(), uri, this::release);
          failures = 0;
          downReason = "connected";
          nowConnected = true;
          reportedDown = false;
        }
      } else {
        failure = describe(outcome);
        downReason = failure;
        failures++;
        report = !reportedDown;
        reportedDown = true;
      }
    }
    firstAttempt.complete(null);
    if (orphan != null) {
      releaseBounded(orphan);
    } else if (nowConnected) {
      LOG.log(System.Logger.Level.INFO, "libvirt: connected to {0} ({1})", host, uri);
      listener.connected(host);
    } else {
      Duration wait = backoff();
      LOG.log(
          System.Logger.Level.WARNING,
          "libvirt: cannot connect to {0} ({1}): {2}; next attempt in {3} ms",
          host,
          uri,
          failure,
          wait.toMillis());
      if (report) {
        listener.lost(host, failure);
      }
      schedule(wait);
    }
  }

  /** Opens the connection and wires keepalive, close and lifecycle callbacks. On a pool thread. */
  private Connect dial() throws LibvirtException {
    Connect c = auth.isPresent() ? new Connect(uri, auth.get(), 0) : new Connect(uri);
    try {
      c.registerCloseListener(closeListener);
      keepalive(c);
      c.addLifecycleListener(lifecycle);
      return c;
    } catch (LibvirtException | RuntimeException e) {
      release(c);
      throw e;
    }
  }

  private void keepalive(Connect c) {
    try {
      c.setKeepAlive((int) config.keepaliveInterval().toSeconds(), config.keepaliveCount());
    } catch (LibvirtException e) {
      // Local drivers (test:///, qemu:/// in-process) have no keepalive; nothing to watch there.
      LOG.log(System.Logger.Level.DEBUG, "libvirt: no keepalive on {0}: {1}", uri, e);
    }
  }

  private Duration backoff() {
    int n;
    synchronized (this) {
      n = Math.min(failures, 20);
    }
    Duration d = config.reconnectInitialDelay().multipliedBy(1L << Math.max(0, n - 1));
    return d.compareTo(config.reconnectMaxDelay()) > 0 ? config.reconnectMaxDelay() : d;
  }

  /** libvirt's close callback, on its event loop thread. */
  private void onClosed(Connect c, String reason) {
    SharedConnection shared;
    synchronized (this) {
      shared = connection;
    }
    if (shared != null && shared.connect() == c) {
      onClosed(shared, reason);
    }
  }

  private void onClosed(SharedConnection c, String reason) {
    synchronized (this) {
      if (connection != c || c == null) {
        return;
      }
      connection = null;
      failures = 1;
      downReason = "connection lost (" + reason + ")";
      reportedDown = true;
    }
    LOG.log(System.Logger.Level.WARNING, "libvirt: lost {0} ({1}): {2}", host, uri, reason);
    listener.lost(host, "connection lost (" + reason + ")");
    if (c.retire("connection lost")) {
      timer.execute(() -> releaseBounded(c.connect()));
    }
    schedule(config.reconnectInitialDelay());
  }

  private int onLifecycle(Domain domain, DomainEvent event) {
    String name;
    try {
      name = domain.getName();
    } catch (LibvirtException e) {
      return 0;
    } finally {
      free(domain);
    }
    listener.lifecycle(host, name, event);
    return 0;
  }

  /** Closes the link for good: no reconnect, the connection released. */
  void close() {
    SharedConnection c;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      c = connection;
      connection = null;
      downReason = "closed";
      if (retry != null) {
        retry.cancel(false);
      }
    }
    firstAttempt.complete(null);
    if (c != null && c.retire("adapter closed")) {
      releaseBounded(c.connect());
    }
  }

  /** Releases {@code c} on a pool thread, waiting at most 2 s (a dead daemon may not answer). */
  private void releaseBounded(Connect c) {
    calls.run(
        host,
        Optional.empty(),
        "close",
        Duration.ofSeconds(2),
        () -> {
          release(c);
          return null;
        });
  }

  private void release(Connect c) {
    try {
      c.removeLifecycleListener(lifecycle);
    } catch (LibvirtException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "libvirt: removing the event listener failed", e);
    }
    try {
      c.unregisterCloseListener();
    } catch (LibvirtException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "libvirt: removing the close listener failed", e);
    }
    try {
      c.close();
    } catch (LibvirtException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "libvirt: closing {0} failed: {1}", uri, e);
    }
  }

  static void free(Domain d) {
    try {
      d.free();
    } catch (LibvirtException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "libvirt: freeing a domain handle failed", e);
    }
  }

  private static String describe(LibvirtCalls.Outcome<?> outcome) {
    if (outcome instanceof LibvirtCalls.Outcome.Failed<?> f) {
      return f.error().code() + " (" + f.error().number() + "): " + f.error().message();
    }
    return ((LibvirtCalls.Outcome.Unreachable<?>) outcome).reason();
  }
}
