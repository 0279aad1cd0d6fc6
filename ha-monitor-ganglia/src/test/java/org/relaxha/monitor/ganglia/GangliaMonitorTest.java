package org.relaxha.monitor.ganglia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relaxha.monitor.ganglia.support.Await;
import org.relaxha.monitor.ganglia.support.FakeGangliaServer;
import org.relaxha.monitor.ganglia.support.GangliaXml;
import org.relaxha.monitor.ganglia.support.Monitors;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.monitor.SourceStatus;
import org.relaxha.testkit.fake.RecordingSink;

/** The monitor against fake sources on loopback: delivery, failover, loss, restoration. */
class GangliaMonitorTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final HostId A = HostId.of("node-a");
  private static final HostId B = HostId.of("node-b");

  private final List<AutoCloseable> closing = new ArrayList<>();
  private final RecordingSink sink = new RecordingSink();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private FakeGangliaServer server(FakeGangliaServer.Responder responder) {
    FakeGangliaServer s = FakeGangliaServer.start(responder);
    closing.add(s);
    return s;
  }

  private GangliaMonitor started(GangliaConfig config) {
    GangliaMonitor m = Monitors.of(config);
    closing.add(0, m);
    m.start(sink);
    return m;
  }

  private static byte[] healthy() {
    return GangliaXml.gmetad()
        .grid("g", 1000)
        .cluster("hatest", 999)
        .host("node-a", "127.0.0.1", 2, 20)
        .host("node-b", "127.0.0.2", 90, 20)
        .host("printer", "127.0.0.9", 1, 20)
        .endCluster()
        .endGrid()
        .bytes();
  }

  @Test
  void deliversUpAndUnreachableObservationsOfTheMappedHosts() throws Exception {
    FakeGangliaServer gmetad = server(FakeGangliaServer.serving(healthy()));
    GangliaMonitor monitor = started(Monitors.fast(gmetad.address()).build());
    assertThat(sink.awaitObservations(o -> o.subject().equals(B), 1, WAIT)).isTrue();
    assertThat(sink.awaitObservations(o -> o.subject().equals(A), 1, WAIT)).isTrue();
    Observation a = sink.observationsOf(A).get(0);
    assertThat(a.status()).isEqualTo(ObservedStatus.UP);
    assertThat(a.metrics()).containsEntry(Observation.LOAD_FIVE, 0.5).containsEntry("cpu_num", 2.0);
    Observation b = sink.observationsOf(B).get(0);
    assertThat(b.status()).isEqualTo(ObservedStatus.UNREACHABLE);
    assertThat(b.authoritative()).isFalse();
    assertThat(sink.observations()).extracting(Observation::subject).containsOnly(A, B);
    assertThat(monitor.unmappedHosts()).containsExactly("printer (127.0.0.9)");
    assertThat(monitor.activeSource().orElseThrow().address()).isEqualTo(gmetad.address());
    assertThat(sink.statuses()).isEmpty();
  }

  @Test
  void failsOverToTheNextSourceWithoutReportingLoss() throws Exception {
    String dead = deadAddress();
    FakeGangliaServer second = server(FakeGangliaServer.serving(healthy()));
    GangliaMonitor monitor = started(Monitors.fast(dead, second.address()).build());
    assertThat(sink.awaitObservations(o -> true, 4, WAIT)).isTrue();
    assertThat(sink.statuses()).isEmpty();
    assertThat(monitor.activeSource().orElseThrow().address()).isEqualTo(second.address());
  }

  @Test
  void aDeadSourceIsLostOnceSendsNothingAndIsRestoredWhenItAnswers() throws Exception {
    FakeGangliaServer gmetad = server(FakeGangliaServer.serving(healthy()));
    GangliaMonitor monitor = started(Monitors.fast(gmetad.address()).build());
    assertThat(sink.awaitObservations(o -> true, 2, WAIT)).isTrue();
    gmetad.respondWith((socket, out) -> out.write("garbage".getBytes(StandardCharsets.US_ASCII)));
    assertThat(sink.awaitStatus(s -> !s.available(), WAIT)).isTrue();
    int delivered = sink.observations().size();
    int connections = gmetad.connections();
    assertThat(Await.until(WAIT, () -> gmetad.connections() >= connections + 3)).isTrue();
    assertThat(sink.observations())
        .as("nothing delivered while lost")
        .hasSizeLessThanOrEqualTo(delivered);
    assertThat(sink.statuses()).as("lost is reported once").hasSize(1);
    SourceStatus lost = sink.statuses().get(0);
    assertThat(lost.monitor()).isEqualTo("ganglia");
    assertThat(lost.source()).isEqualTo(gmetad.address());
    assertThat(lost.reason()).contains("ganglia source " + gmetad.address(), "malformed XML");
    assertThat(monitor.activeSource()).isEmpty();

    gmetad.respondWith(FakeGangliaServer.serving(healthy()));
    assertThat(sink.awaitStatus(SourceStatus::available, WAIT)).isTrue();
    assertThat(sink.awaitObservations(o -> true, delivered + 2, WAIT)).isTrue();
    assertThat(sink.statuses().get(1).source()).isEqualTo(gmetad.address());
  }

  @Test
  void everySourceFailingIsOneLossNamingEach() throws Exception {
    String first = deadAddress();
    String second = deadAddress();
    started(Monitors.fast(first, second).build());
    assertThat(sink.awaitStatus(s -> !s.available(), WAIT)).isTrue();
    SourceStatus lost = sink.statuses().get(0);
    assertThat(lost.source()).isEqualTo(first + ", " + second);
    assertThat(lost.reason())
        .contains(first + ": connection refused", second + ": connection refused");
  }

  @Test
  void aStaleClusterCopyIsLostMonitoringNotHostsDown() throws Exception {
    byte[] stale =
        GangliaXml.gmetad()
            .grid("g", 1000)
            .cluster("hatest", 900)
            .host("node-a", "127.0.0.1", 102, 20)
            .host("node-b", "127.0.0.2", 102, 20)
            .endCluster()
            .endGrid()
            .bytes();
    FakeGangliaServer gmetad = server(FakeGangliaServer.serving(stale));
    started(Monitors.fast(gmetad.address()).build());
    assertThat(sink.awaitStatus(s -> !s.available(), WAIT)).isTrue();
    assertThat(sink.statuses().get(0).reason()).contains("cluster 'hatest' is 100 s old");
    assertThat(sink.observations()).isEmpty();
  }

  @Test
  void theQueryIsSentToTheInteractivePort() throws Exception {
    List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
    FakeGangliaServer interactive =
        server(
            (socket, out) -> {
              var in =
                  new BufferedReader(
                      new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
              queries.add(in.readLine());
              out.write(healthy());
            });
    GangliaSource source =
        GangliaSource.parse(interactive.address(), Duration.ofMillis(100), Duration.ofSeconds(2))
            .withQuery("/hatest");
    started(Monitors.fast().source(source).build());
    assertThat(sink.awaitObservations(o -> true, 2, WAIT)).isTrue();
    assertThat(queries).first().isEqualTo("/hatest");
  }

  @Test
  void closeReturnsPromptlyDuringASlowReadAndStopsTheThread() throws Exception {
    FakeGangliaServer hanging =
        server(
            (socket, out) -> {
              out.write("<?xml version=\"1.0\"?>".getBytes(StandardCharsets.US_ASCII));
              out.flush();
              Thread.sleep(60_000);
            });
    GangliaMonitor monitor =
        started(
            Monitors.fast()
                .source(
                    GangliaSource.parse(
                        hanging.address(), Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .build());
    assertThat(Await.until(WAIT, () -> hanging.connections() == 1)).isTrue();
    long start = System.nanoTime();
    monitor.close();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(Monitors.pollerThreads("ganglia")).isEmpty();
    assertThat(sink.statuses()).as("closing is not a lost source").isEmpty();
  }

  @Test
  void startsOnce() {
    GangliaMonitor monitor = started(Monitors.fast("127.0.0.1:1").build());
    assertThatThrownBy(() -> monitor.start(sink)).isInstanceOf(IllegalStateException.class);
    monitor.close();
    monitor.close();
  }

  private static String deadAddress() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return "127.0.0.1:" + s.getLocalPort();
    }
  }
}
