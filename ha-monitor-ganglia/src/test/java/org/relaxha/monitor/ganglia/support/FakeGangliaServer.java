package org.relaxha.monitor.ganglia.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A TCP server on loopback that answers each connection as its current {@link Responder} says
 * (serve a document, trickle bytes, hang, send garbage), standing in for gmond or gmetad in unit
 * tests of bad input. Its threads are named {@code fake-ganglia-*}. Thread-safe.
 */
public final class FakeGangliaServer implements AutoCloseable {
  private final ServerSocket server;
  private final Thread acceptor;
  private final List<Socket> clients = new CopyOnWriteArrayList<>();
  private final List<Thread> handlers = new CopyOnWriteArrayList<>();
  private final AtomicLong served = new AtomicLong();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile Responder responder;
  private volatile boolean stopped;

  /** What to do with one connection. */
  @FunctionalInterface
  public interface Responder {
    void respond(Socket socket, Counter out) throws IOException, InterruptedException;
  }

  /** The client's output, counting bytes. */
  public static final class Counter {
    private final OutputStream out;
    private final AtomicLong served;

    Counter(OutputStream out, AtomicLong served) {
      this.out = out;
      this.served = served;
    }

    public void write(byte[] bytes) throws IOException {
      write(bytes, 0, bytes.length);
    }

    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      served.addAndGet(length);
    }

    public void flush() throws IOException {
      out.flush();
    }
  }

  private FakeGangliaServer(Responder responder) throws IOException {
    this.responder = responder;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "fake-ganglia-accept-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A server answering with {@code responder}. */
  public static FakeGangliaServer start(Responder responder) {
    try {
      return new FakeGangliaServer(responder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code document}, then closes. */
  public static Responder serving(byte[] document) {
    return (socket, out) -> out.write(document);
  }

  /** Sends what {@code document} supplies at each connection, then closes. */
  public static Responder serving(Supplier<byte[]> document) {
    return (socket, out) -> out.write(document.get());
  }

  /** Answers later connections with {@code next}. */
  public void respondWith(Responder next) {
    this.responder = next;
  }

  public int port() {
    return server.getLocalPort();
  }

  /** {@code 127.0.0.1:PORT}. */
  public String address() {
    return server.getInetAddress().getHostAddress() + ":" + port();
  }

  /** Bytes written to clients so far. */
  public long bytesServed() {
    return served.get();
  }

  /** Connections accepted so far. */
  public int connections() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!stopped) {
      try {
        Socket client = server.accept();
        clients.add(client);
        connections.incrementAndGet();
        Thread handler = new Thread(() -> handle(client), "fake-ganglia-conn-" + connections.get());
        handler.setDaemon(true);
        handlers.add(handler);
        handler.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      responder.respond(client, new Counter(client.getOutputStream(), served));
      client.getOutputStream().flush();
    } catch (SocketException e) {
      // The client went away (closed early, as it should after a limit or a timeout).
    } catch (IOException e) {
      // Same.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      clients.remove(client);
    }
  }

  /** Stops accepting, closes every connection and waits for the server's threads. */
  @Override
  public void close() {
    stopped = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // Closing is all we wanted.
    }
    for (Socket c : clients) {
      try {
        c.close();
      } catch (IOException ignored) {
        // Same.
      }
    }
    List<Thread> all = new ArrayList<>(handlers);
    all.add(acceptor);
    for (Thread t : all) {
      t.interrupt();
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
