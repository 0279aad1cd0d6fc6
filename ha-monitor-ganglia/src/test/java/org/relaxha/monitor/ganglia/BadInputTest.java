package org.relaxha.monitor.ganglia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaxha.core.runtime.HaController;
import org.relaxha.monitor.ganglia.support.Await;
import org.relaxha.monitor.ganglia.support.FakeGangliaServer;
import org.relaxha.monitor.ganglia.support.GangliaXml;
import org.relaxha.monitor.ganglia.support.Monitors;
import org.relaxha.monitor.ganglia.support.Sites;
import org.relaxha.monitor.ganglia.xml.GangliaDumpGenerator;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.monitor.SourceStatus;
import org.relaxha.testkit.fake.RecordingSink;

/**
 * Bad input from a fake server socket: each case is reported as a lost source whose reason names
 * the source and says what was wrong, memory stays bounded, no thread is left after close(), and a
 * controller fed by the monitor keeps running.
 */
class BadInputTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  static Stream<Arguments> badSources() {
    byte[] real = resource("xml/gmetad-3.7.2.xml");
    return Stream.of(
        Arguments.of(
            "truncated XML", serve(Arrays.copyOf(real, real.length / 2)), "truncated after"),
        Arguments.of(
            "wrong encoding",
            serve(
                GangliaXml.gmond()
                    .host("h\u00f4te", "10.0.0.1", 1, 20)
                    .toString()
                    .replace("ISO-8859-1", "UTF-8")
                    .getBytes(StandardCharsets.ISO_8859_1)),
            "not valid UTF-8"),
        Arguments.of("binary garbage", serve(noise(65_536)), "not valid UTF-8"),
        Arguments.of(
            "an SSH banner (wrong port)",
            serve("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n".getBytes(StandardCharsets.US_ASCII)),
            "malformed XML at line 1"),
        Arguments.of(
            "unknown DTD version",
            serve(GangliaXml.version("9.9.9").host("node-a", "10.0.0.1", 1, 20).bytes()),
            "unsupported Ganglia XML version '9.9.9'"),
        Arguments.of(
            "one byte a second", trickle(real), "no complete document within the timeout of 2 s"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSources")
  void isALostSourceWithAClearErrorAndNoThreadLeft(
      String what, FakeGangliaServer.Responder responder, String expected) throws Exception {
    RecordingSink sink = new RecordingSink();
    try (FakeGangliaServer server = FakeGangliaServer.start(responder)) {
      GangliaMonitor monitor = Monitors.of(Monitors.fast(server.address()).build());
      try {
        monitor.start(sink);
        assertThat(sink.awaitStatus(s -> !s.available(), WAIT)).as(what).isTrue();
      } finally {
        monitor.close();
      }
      SourceStatus lost = sink.statuses().get(0);
      assertThat(lost.reason()).contains("ganglia source " + server.address(), expected);
      assertThat(sink.observations()).isEmpty();
      assertThat(Monitors.pollerThreads("ganglia")).isEmpty();
    }
  }

  @Test
  void a200MbDocumentStopsAtTheLimitWithBoundedMemory() throws Exception {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("the tests run with a small heap (-Xmx256m), so holding the document would fail")
        .isLessThan(300L << 20);
    GangliaDumpGenerator huge = new GangliaDumpGenerator(19_000, 30, 500, 3);
    RecordingSink sink = new RecordingSink();
    try (FakeGangliaServer server =
        FakeGangliaServer.start((socket, out) -> huge.writeTo(asStream(out)))) {
      GangliaConfig config =
          Monitors.fast()
              .source(
                  GangliaSource.parse(
                      server.address(), Duration.ofSeconds(60), Duration.ofSeconds(60)))
              .build();
      GangliaMonitor monitor = Monitors.of(config);
      try {
        monitor.start(sink);
        assertThat(sink.awaitStatus(s -> !s.available(), Duration.ofSeconds(60))).isTrue();
      } finally {
        monitor.close();
      }
      assertThat(sink.statuses().get(0).reason())
          .contains(server.address(), "document larger than the limit of 128 MiB");
      assertThat(Await.until(WAIT, () -> server.bytesServed() > 0)).isTrue();
      assertThat(server.bytesServed())
          .as("the monitor stopped reading at the limit, not at the end of the 200 MB")
          .isLessThan((128L << 20) + (16L << 20));
    }
  }

  @Test
  void theControllerKeepsRunningAndJudgesNothingFromBadInput() throws Exception {
    List<FakeGangliaServer.Responder> bad =
        badSources().map(a -> (FakeGangliaServer.Responder) a.get()[1]).toList();
    AtomicInteger next = new AtomicInteger();
    FakeGangliaServer.Responder cycling =
        (socket, out) -> bad.get(next.getAndIncrement() % bad.size()).respond(socket, out);
    try (FakeGangliaServer server = FakeGangliaServer.start(cycling)) {
      GangliaMonitor monitor = Monitors.of(Monitors.fast(server.address()).build());
      HaController controller =
          HaController.builder()
              .topology(Sites.threeHosts())
              .inMemoryState()
              .monitor(monitor)
              .build();
      try {
        controller.start();
        assertThat(Await.until(WAIT, () -> next.get() >= bad.size() + 1)).isTrue();
        assertThat(controller.status().of(HostId.of("node-a")).orElseThrow().health())
            .isEqualTo(Health.UNKNOWN);
        server.respondWith(
            FakeGangliaServer.serving(
                GangliaXml.gmond()
                    .cluster("c", 1)
                    .host("node-a", "10.0.0.1", 1, 20)
                    .endCluster()
                    .bytes()));
        assertThat(
                Await.until(
                    WAIT,
                    () ->
                        controller.status().of(HostId.of("node-a")).orElseThrow().health()
                            == Health.UP))
            .isTrue();
      } finally {
        controller.close();
      }
      assertThat(Monitors.pollerThreads("ganglia")).isEmpty();
    }
  }

  private static FakeGangliaServer.Responder serve(byte[] bytes) {
    return FakeGangliaServer.serving(bytes);
  }

  private static FakeGangliaServer.Responder trickle(byte[] document) {
    return (socket, out) -> {
      for (byte b : document) {
        out.write(new byte[] {b});
        out.flush();
        Thread.sleep(1_000);
      }
    };
  }

  private static byte[] noise(int size) {
    byte[] bytes = new byte[size];
    new SplittableRandom(11).nextBytes(bytes);
    return bytes;
  }

  private static java.io.OutputStream asStream(FakeGangliaServer.Counter out) {
    return new java.io.OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(new byte[] {(byte) b});
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }
    };
  }

  private static byte[] resource(String name) {
    try (InputStream in = BadInputTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
