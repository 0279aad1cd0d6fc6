package org.relaxha.monitor.ganglia;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.relaxha.monitor.ganglia.xml.GangliaDump;
import org.relaxha.monitor.ganglia.xml.GangliaParser;
import org.relaxha.monitor.ganglia.xml.GangliaXmlException;

/**
 * Reads one document from one source: connects within the source's timeout, sends its query (for a
 * gmetad interactive port), and parses what comes back, all within the same timeout. Every failure
 * becomes a {@link GangliaSourceException} naming the source. {@link #abort()} closes the
 * connection in progress, so that closing the monitor never waits for a slow source.
 *
 * <p>Thread-safe: {@link #fetch} runs on the poller thread, {@link #abort} from any thread.
 */
final class SourceFetcher {
  private final GangliaParser parser;
  private final AtomicReference<Socket> current = new AtomicReference<>();
  private volatile boolean aborted;

  SourceFetcher(GangliaParser parser) {
    this.parser = parser;
  }

  GangliaDump fetch(GangliaSource source) {
    long deadline = System.nanoTime() + source.timeout().toNanos();
    try (Socket socket = new Socket()) {
      current.set(socket);
      if (aborted) {
        throw new GangliaSourceException(source.address(), "monitor closed", null);
      }
      connect(socket, source);
      sendQuery(socket, source);
      return parser.parse(new DeadlineInputStream(socket, deadline, source.timeout()));
    } catch (GangliaXmlException e) {
      throw new GangliaSourceException(source.address(), e.getMessage(), e);
    } catch (IOException e) {
      throw new GangliaSourceException(source.address(), describe(e, source), e);
    } finally {
      current.set(null);
    }
  }

  private static void connect(Socket socket, GangliaSource source) throws IOException {
    InetSocketAddress address = new InetSocketAddress(source.host(), source.port());
    if (address.isUnresolved()) {
      throw new UnknownHostException(source.host());
    }
    socket.connect(address, (int) Math.max(1, source.timeout().toMillis()));
  }

  private static void sendQuery(Socket socket, GangliaSource source) throws IOException {
    if (source.query().isPresent()) {
      OutputStream out = socket.getOutputStream();
      out.write((source.query().get() + "\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
  }

  private String describe(IOException e, GangliaSource source) {
    if (aborted) {
      return "monitor closed";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host '" + source.host() + "'";
    }
    if (e instanceof ConnectException) {
      return "connection refused (is gmond/gmetad running and listening on this port?)";
    }
    if (e instanceof SocketTimeoutException) {
      String message = e.getMessage();
      return message != null && message.startsWith("no complete document")
          ? message
          : "no answer within the timeout of " + Polls.seconds(source.timeout());
    }
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return "I/O error (" + e.getClass().getSimpleName() + message + ")";
  }

  /** Closes the connection in progress, if any; later fetches fail at once. */
  void abort() {
    aborted = true;
    Socket socket = current.get();
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing is all we wanted.
      }
    }
  }
}
