package org.relaxha.monitor.nagios.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP port on 127.0.0.1 that the test opens and closes: while open, a thread named {@code
 * it-port-N} accepts and drops connections (what check_tcp needs); closed, connections are refused.
 * Reopening binds the same port again. Thread-safe.
 */
final class LoopbackPort implements AutoCloseable {
  private final int port;
  private ServerSocket server;
  private Thread acceptor;

  private LoopbackPort(int port) {
    this.port = port;
  }

  /** Opens a free port. */
  static LoopbackPort open() throws IOException {
    int free;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      free = probe.getLocalPort();
    }
    LoopbackPort p = new LoopbackPort(free);
    p.reopen();
    return p;
  }

  int port() {
    return port;
  }

  /** Listens again on the same port. */
  synchronized void reopen() throws IOException {
    if (server != null) {
      return;
    }
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    server = s;
    acceptor = new Thread(() -> accept(s), "it-port-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Stops listening: connections are refused from now on. */
  @Override
  public synchronized void close() throws IOException {
    if (server == null) {
      return;
    }
    server.close();
    server = null;
    try {
      acceptor.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void accept(ServerSocket s) {
    while (!s.isClosed()) {
      try (Socket client = s.accept()) {
        client.setSoLinger(true, 0);
      } catch (IOException e) {
        // closed: the port is down
      }
    }
  }
}
