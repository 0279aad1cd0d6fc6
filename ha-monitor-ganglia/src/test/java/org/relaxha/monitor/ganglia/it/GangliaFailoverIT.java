package org.relaxha.monitor.ganglia.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.relaxha.monitor.ganglia.GangliaConfig;
import org.relaxha.monitor.ganglia.GangliaMonitor;
import org.relaxha.monitor.ganglia.support.Await;
import org.relaxha.monitor.ganglia.support.Sites;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.monitor.SourceStatus;
import org.relaxha.testkit.fake.RecordingSink;

/**
 * Two real gmetads for one cluster: when the first dies the adapter fails over to the second
 * without reporting any loss; when the cluster's own gmond dies, gmetad keeps serving a copy that
 * grows stale, and the adapter reports monitoring lost instead of judging the hosts from it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GangliaFailoverIT {
  private static final int TMAX = 5;
  private static final HostId A = HostId.of("node-a");
  private static final HostId B = HostId.of("node-b");

  private static GangliaLab lab;
  private static Daemon collector;
  private static Daemon one;
  private static Daemon two;
  private static GangliaMonitor monitor;
  private static final RecordingSink sink = new RecordingSink();

  @BeforeAll
  static void start() {
    lab = GangliaLab.create(TMAX);
    collector = lab.collector("node-a", "127.0.0.1");
    lab.sender("node-b", "127.0.0.2");
    one = lab.gmetad("one");
    two = lab.gmetad("two");
    for (Daemon d : List.of(collector, one, two)) {
      lab.awaitHosts(d.xmlPort(), Duration.ofSeconds(30), "node-a", "node-b");
    }
    GangliaConfig config =
        GangliaConfig.builder("ganglia")
            .polling(Duration.ofSeconds(1), Duration.ofSeconds(5))
            .maxBackoff(Duration.ofSeconds(2))
            .staleAfter(Duration.ofSeconds(6))
            .source(one.address())
            .source(two.address())
            .covers(List.of("node-a", "node-b"))
            .build();
    monitor = new GangliaMonitor(config, Sites.threeHosts(), Clock.systemUTC());
    monitor.start(sink);
  }

  @AfterAll
  static void stop() {
    if (monitor != null) {
      monitor.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  @Order(1)
  void aDeadFirstGmetadFailsOverToTheSecondWithoutLoss() throws Exception {
    assertThat(sink.awaitObservations(o -> true, 2, Duration.ofSeconds(10))).isTrue();
    assertThat(monitor.activeSource().orElseThrow().address()).isEqualTo(one.address());
    one.kill();
    assertThat(
            Await.until(
                Duration.ofSeconds(10),
                () ->
                    monitor
                        .activeSource()
                        .map(s -> s.address().equals(two.address()))
                        .orElse(false)))
        .isTrue();
    int switched = sink.observations().size();
    assertThat(sink.awaitObservations(o -> true, switched + 4, Duration.ofSeconds(10))).isTrue();
    assertThat(sink.observations().subList(switched, sink.observations().size()))
        .extracting(Observation::subject, Observation::status)
        .containsOnly(
            org.assertj.core.groups.Tuple.tuple(A, ObservedStatus.UP),
            org.assertj.core.groups.Tuple.tuple(B, ObservedStatus.UP));
    assertThat(sink.statuses()).as("failover is not a loss").isEmpty();
  }

  @Test
  @Order(2)
  void aStaleClusterCopyIsMonitoringLostAndNoHostIsJudgedDown() throws Exception {
    collector.kill();
    assertThat(sink.awaitStatus(s -> !s.available(), Duration.ofSeconds(20))).isTrue();
    SourceStatus lost = sink.statuses().get(0);
    assertThat(lost.source()).isEqualTo(one.address() + ", " + two.address());
    assertThat(lost.reason())
        .contains(one.address() + ": connection refused")
        .contains(two.address() + ": answers, but its copy of cluster 'hatest' is")
        .contains("gmetad cannot reach that cluster");
    assertThat(sink.observations())
        .extracting(Observation::status)
        .as("no host was judged from the stale copy")
        .doesNotContain(ObservedStatus.UNREACHABLE);

    collector.start();
    assertThat(sink.awaitStatus(SourceStatus::available, Duration.ofSeconds(30))).isTrue();
    assertThat(sink.statuses().get(1).source()).isEqualTo(two.address());
    int restored = sink.observations().size();
    assertThat(
            sink.awaitObservations(
                o -> o.subject().equals(A) && o.status() == ObservedStatus.UP,
                1,
                Duration.ofSeconds(10)))
        .isTrue();
    assertThat(Await.until(Duration.ofSeconds(30), () -> sink.observations().size() > restored))
        .isTrue();
  }
}
