package org.relaxha.monitor.ganglia;

import java.time.Duration;
import java.util.Optional;
import org.relaxha.spi.Require;

/**
 * One place to read Ganglia XML from: a gmond's {@code tcp_accept_channel} (default port 8649), a
 * gmetad's XML port (8651), or a gmetad's interactive port (8652) with a path {@link #query()} such
 * as {@code /mycluster} that returns one cluster only and so saves bandwidth on a big grid.
 *
 * <p>Immutable and thread-safe.
 *
 * @param host the host name or IP address
 * @param port the TCP port
 * @param query a path sent to a gmetad interactive port before reading, e.g. {@code /cluster}
 * @param interval how often to poll it while it is the source in use
 * @param timeout the longest one poll may take, connecting and reading the whole document
 */
public record GangliaSource(
    String host, int port, Optional<String> query, Duration interval, Duration timeout) {
  /** gmond's default {@code tcp_accept_channel} port. */
  public static final int GMOND_PORT = 8649;

  /** Validates every field. */
  public GangliaSource {
    Require.nonBlank(host, "source.host");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("source.port must be in [1, 65535], was " + port);
    }
    Require.nonNull(query, "source.query");
    query.ifPresent(GangliaSource::checkQuery);
    Require.positive(interval, "source.interval");
    Require.positive(timeout, "source.timeout");
  }

  /**
   * Parses {@code HOST:PORT}, {@code [IPV6]:PORT} or a bare {@code HOST} (port 8649).
   *
   * @throws IllegalArgumentException saying what is wrong with the address
   */
  public static GangliaSource parse(String address, Duration interval, Duration timeout) {
    Require.nonNull(address, "address");
    String text = address.strip();
    String host = text;
    int port = GMOND_PORT;
    int colon = text.lastIndexOf(':');
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("'" + address + "': missing ']' after an IPv6 address");
      }
      host = text.substring(1, close);
      port = close + 1 < text.length() ? port(address, text.substring(close + 1)) : GMOND_PORT;
    } else if (colon >= 0 && text.indexOf(':') == colon) {
      host = text.substring(0, colon);
      port = port(address, text.substring(colon));
    }
    if (host.isBlank()) {
      throw new IllegalArgumentException(
          "'" + address + "': expected HOST:PORT, e.g. gmetad.example.org:8651");
    }
    return new GangliaSource(host, port, Optional.empty(), interval, timeout);
  }

  private static int port(String address, String colonAndPort) {
    if (!colonAndPort.startsWith(":") || !colonAndPort.substring(1).matches("\\d{1,5}")) {
      throw new IllegalArgumentException(
          "'" + address + "': expected HOST:PORT with a numeric port, e.g. gmetad:8651");
    }
    int port = Integer.parseInt(colonAndPort.substring(1));
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("'" + address + "': port must be in [1, 65535]");
    }
    return port;
  }

  private static void checkQuery(String query) {
    if (!query.startsWith("/") || query.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "source.query must be a gmetad path starting with '/', e.g. /mycluster, on one line;"
              + " was '"
              + query.strip()
              + "'");
    }
  }

  /** A copy that sends {@code path} (a gmetad interactive-port query) before reading. */
  public GangliaSource withQuery(String path) {
    return new GangliaSource(host, port, Optional.of(path), interval, timeout);
  }

  /** {@code host:port}, or {@code [v6]:port}. */
  public String address() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }

  @Override
  public String toString() {
    return address() + query.map(q -> " " + q).orElse("");
  }
}
