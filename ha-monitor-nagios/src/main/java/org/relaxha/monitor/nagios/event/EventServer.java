package org.relaxha.monitor.nagios.event;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on a Unix domain socket for lines from {@code relaxha-nagios-event}, one event per
 * connection, and answers each with {@code ok} or {@code error: WHY}. One thread runs a selector
 * over every connection, so a client that connects and sends nothing cannot stall the others: it is
 * dropped after {@link #IDLE_LIMIT_MILLIS}. At most {@link #MAX_CONNECTIONS} are open at once;
 * lines longer than {@link NagiosEvent#MAX_LINE_BYTES} are refused.
 *
 * <p>Thread-safe: {@link #close} may be called from any thread; it stops the thread, closes every
 * connection and removes the socket file.
 */
public final class EventServer implements AutoCloseable {
  /** How long a connection may stay open without completing its line. */
  public static final long IDLE_LIMIT_MILLIS = 5_000;

  /** The most connections served at once; more are closed at once. */
  public static final int MAX_CONNECTIONS = 64;

  private static final Logger LOG = LoggerFactory.getLogger(EventServer.class);

  /** Takes one decoded event; returns {@code null} if accepted, or why not. */
  @FunctionalInterface
  public interface Handler {
    /** Handles one event. */
    String handle(NagiosEvent event);
  }

  private final Path socket;
  private final ServerSocketChannel server;
  private final Selector selector;
  private final Handler handler;
  private final Thread thread;
  private volatile boolean running = true;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private EventServer(
      Path socket, ServerSocketChannel server, Selector selector, Handler handler, String name) {
    this.socket = socket;
    this.server = server;
    this.selector = selector;
    this.handler = handler;
    this.thread = new Thread(this::loop, name);
    this.thread.setDaemon(true);
  }

  /**
   * Binds {@code socket} (clearing a stale one), gives it mode 0660 and {@code group}, and starts
   * the listening thread named {@code threadName}.
   *
   * @throws IOException if the socket cannot be bound, or something else is at that path
   */
  public static EventServer start(
      Path socket, Optional<String> group, String threadName, Handler handler) throws IOException {
    SocketFiles.clearStale(socket);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    Selector selector = null;
    try {
      server.bind(UnixDomainSocketAddress.of(socket));
      SocketFiles.secure(socket, group);
      server.configureBlocking(false);
      selector = Selector.open();
      server.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException | RuntimeException e) {
      server.close();
      if (selector != null) {
        selector.close();
      }
      Files.deleteIfExists(socket);
      throw e;
    }
    EventServer started = new EventServer(socket, server, selector, handler, threadName);
    started.thread.start();
    return started;
  }

  /** The socket's path. */
  public Path socket() {
    return socket;
  }

  private void loop() {
    try {
      while (running) {
        selector.select(500);
        for (SelectionKey key : selector.selectedKeys()) {
          handle(key);
        }
        selector.selectedKeys().clear();
        EventConnection.expire(selector, IDLE_LIMIT_MILLIS);
      }
    } catch (IOException | RuntimeException e) {
      if (running) {
        LOG.error("event listener on {} stopped", socket, e);
      }
    }
  }

  private void handle(SelectionKey key) {
    try {
      if (key.isValid() && key.isAcceptable()) {
        accept();
      } else if (key.isValid() && key.attachment() instanceof EventConnection c) {
        c.ready(key, handler);
      }
    } catch (IOException e) {
      LOG.debug("event connection failed", e);
      EventConnection.drop(key);
    }
  }

  private void accept() throws IOException {
    SocketChannel client = server.accept();
    if (client == null) {
      return;
    }
    if (selector.keys().size() > MAX_CONNECTIONS) {
      LOG.warn("more than {} event connections open; dropping one", MAX_CONNECTIONS);
      client.close();
      return;
    }
    client.configureBlocking(false);
    client.register(selector, SelectionKey.OP_READ, new EventConnection());
  }

  /** Stops listening; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    running = false;
    selector.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SelectionKey key : selector.keys()) {
      EventConnection.drop(key);
    }
    try {
      server.close();
      selector.close();
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      LOG.warn("closing the event socket {} failed", socket, e);
    }
  }
}
