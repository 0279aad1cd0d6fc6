package org.relaxha.monitor.nagios.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.monitor.nagios.status.NagiosObject;

class EventServerTest {
  @TempDir Path dir;
  final List<NagiosEvent> received = new CopyOnWriteArrayList<>();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  EventServer server;

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
  }

  Path socket() {
    return dir.resolve("events.sock");
  }

  EventServer start() throws Exception {
    server =
        EventServer.start(
            socket(),
            Optional.empty(),
            "test-events",
            e -> {
              received.add(e);
              return e.object().host().equals("refuse-me") ? "not today" : null;
            });
    return server;
  }

  int client(String... args) {
    return NagiosEventClient.run(
        List.of(args), Map.of(), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void aServiceEventTravelsFromTheClientToTheHandler() throws Exception {
    start();
    int status =
        client(
            "--socket",
            socket().toString(),
            "service",
            "web-1",
            "httpd",
            "CRITICAL",
            "SOFT",
            "1",
            "1700000000",
            "connect to 127.0.0.1: refused\twith a tab");
    assertThat(status).as(err.toString()).isZero();
    assertThat(received)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.object()).isEqualTo(NagiosObject.service("web-1", "httpd"));
              assertThat(e.state()).isEqualTo(2);
              assertThat(e.hard()).isFalse();
              assertThat(e.lastCheck()).isEqualTo(1_700_000_000L);
              assertThat(e.output()).isEqualTo("connect to 127.0.0.1: refused with a tab");
            });
    assertThat(Files.getPosixFilePermissions(socket())).hasSize(4);
  }

  @Test
  void aHostEventWithNumericStateAndNoOutput() throws Exception {
    start();
    assertThat(
            client(
                "--socket", socket().toString(), "host", "node-a", "1", "HARD", "2", "1700000001"))
        .isZero();
    assertThat(received.get(0).object().isHost()).isTrue();
    assertThat(received.get(0).hard()).isTrue();
  }

  @Test
  void theHandlersRefusalReachesTheClient() throws Exception {
    start();
    assertThat(client("--socket", socket().toString(), "host", "refuse-me", "0", "HARD", "1", "1"))
        .isEqualTo(NagiosEventClient.NOT_DELIVERED);
    assertThat(err.toString()).contains("not today");
  }

  @Test
  void badArgumentsAreAUsageError() {
    assertThat(client("service", "web-1")).isEqualTo(NagiosEventClient.USAGE);
    assertThat(err.toString()).contains("--socket");
    assertThat(client("--socket", "/x", "service", "web-1", "httpd", "BAD", "SOFT", "1", "1"))
        .isEqualTo(NagiosEventClient.USAGE);
    assertThat(client("--socket", "/x", "host", "h", "0", "MAYBE", "1", "1"))
        .isEqualTo(NagiosEventClient.USAGE);
  }

  @Test
  void nobodyListeningIsReportedNotHung() {
    long started = System.nanoTime();
    assertThat(client("--socket", socket().toString(), "host", "h", "0", "HARD", "1", "1"))
        .isEqualTo(NagiosEventClient.NOT_DELIVERED);
    assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
    assertThat(err.toString()).contains("is RelaxHA running");
  }

  @Test
  void garbageAndOverlongLinesGetAnErrorAndTheServerGoesOn() throws Exception {
    start();
    assertThat(raw("hello\n")).startsWith("error: expected 9 tab-separated fields");
    assertThat(raw("x".repeat(NagiosEvent.MAX_LINE_BYTES + 10))).startsWith("error: line longer");
    assertThat(raw("relaxha-nagios-event/1\thost\th\t\t9\tHARD\t1\t1\tx\n"))
        .contains("not a Nagios state");
    assertThat(client("--socket", socket().toString(), "host", "h", "0", "HARD", "1", "1"))
        .isZero();
  }

  @Test
  void anIdleClientIsDroppedWithoutBlockingOthers() throws Exception {
    start();
    try (SocketChannel idle = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      idle.connect(UnixDomainSocketAddress.of(socket()));
      assertThat(client("--socket", socket().toString(), "host", "h", "0", "HARD", "1", "1"))
          .isZero();
    }
  }

  @Test
  void aStaleSocketIsReplacedButAnythingElseIsLeftAlone() throws Exception {
    start();
    // A second server on the same path: the first still listens.
    assertThatThrownBy(() -> EventServer.start(socket(), Optional.empty(), "x", e -> null))
        .hasMessageContaining("already listens");
    Path regular = Files.writeString(dir.resolve("file.sock"), "mine");
    assertThatThrownBy(() -> EventServer.start(regular, Optional.empty(), "x", e -> null))
        .hasMessageContaining("is not a socket");
    assertThat(regular).hasContent("mine");
  }

  @Test
  void closeStopsTheThreadAndRemovesTheSocket() throws Exception {
    start().close();
    assertThat(socket()).doesNotExist();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("test-events"));
  }

  private String raw(String text) throws Exception {
    try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      c.connect(UnixDomainSocketAddress.of(socket()));
      ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (out.hasRemaining()) {
        c.write(out);
      }
      ByteBuffer in = ByteBuffer.allocate(4096);
      while (c.read(in) >= 0
          && !new String(in.array(), 0, in.position(), StandardCharsets.UTF_8).contains("\n")) {
        // read the whole answer
      }
      return new String(in.array(), 0, in.position(), StandardCharsets.UTF_8).strip();
    }
  }
}
