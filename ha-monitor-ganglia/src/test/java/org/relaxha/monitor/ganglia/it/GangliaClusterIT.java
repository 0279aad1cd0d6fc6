package org.relaxha.monitor.ganglia.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.relaxha.core.detect.DetectionPolicy;
import org.relaxha.core.detect.Verdict;
import org.relaxha.core.runtime.ControllerListener;
import org.relaxha.core.runtime.HaController;
import org.relaxha.monitor.ganglia.GangliaConfig;
import org.relaxha.monitor.ganglia.GangliaMonitor;
import org.relaxha.monitor.ganglia.GangliaProvider;
import org.relaxha.monitor.ganglia.support.Await;
import org.relaxha.monitor.ganglia.support.Sites;
import org.relaxha.monitor.ganglia.support.TeeMonitor;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.testkit.fake.RecordingSink;
import org.relaxha.testkit.it.RequiredTools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three real gmonds reporting as node-a, node-b and node-c into one cluster, and a gmetad
 * aggregating them, all on loopback: the adapter sees what {@code nc} sees, reports a killed gmond
 * down within the documented bound without touching the others, and reports a killed gmetad as
 * monitoring lost, not as hosts down, to a real controller.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GangliaClusterIT {
  private static final Logger LOG = LoggerFactory.getLogger(GangliaClusterIT.class);

  /** host_tmax of the test gmonds: small, so "down after 4 x TMAX" takes 20 s, not 80. */
  private static final int TMAX = 5;

  private static final double K = 4;
  private static final HostId A = HostId.of("node-a");
  private static final HostId B = HostId.of("node-b");
  private static final HostId C = HostId.of("node-c");

  private static GangliaLab lab;
  private static Daemon nodeB;
  private static Daemon gmetad;

  @BeforeAll
  static void startDaemons() {
    lab = GangliaLab.create(TMAX);
    Daemon collector = lab.collector("node-a", "127.0.0.1");
    nodeB = lab.sender("node-b", "127.0.0.2");
    lab.sender("node-c", "127.0.0.3");
    gmetad = lab.gmetad("hagrid");
    lab.awaitHosts(collector.xmlPort(), Duration.ofSeconds(30), "node-a", "node-b", "node-c");
    lab.awaitHosts(gmetad.xmlPort(), Duration.ofSeconds(30), "node-a", "node-b", "node-c");
  }

  @AfterAll
  static void stopDaemons() {
    if (lab != null) {
      lab.close();
    }
  }

  private static GangliaConfig.Builder config() {
    return GangliaConfig.builder("ganglia")
        .polling(Duration.ofSeconds(1), Duration.ofSeconds(5))
        .maxBackoff(Duration.ofSeconds(2))
        .staleAfter(Duration.ofSeconds(6))
        .tmaxMultiple(K)
        .covers(List.of("node-a", "node-b", "node-c"));
  }

  private static GangliaMonitor monitor(GangliaConfig config) {
    return new GangliaMonitor(config, Sites.threeHosts(), Clock.systemUTC());
  }

  @Test
  @Order(1)
  void seesAllThreeHostsWithTheLoadFiveNcShows() throws Exception {
    RequiredTools.require("nc", "netcat-openbsd");
    RecordingSink sink = new RecordingSink();
    try (GangliaMonitor monitor = monitor(config().source(gmetad.address()).build())) {
      monitor.start(sink);
      boolean compared =
          Await.until(Duration.ofSeconds(40), () -> sameLoadFiveAsNc(sink, gmetad.xmlPort()));
      assertThat(compared)
          .as("adapter and nc agree on load_five while gmetad's copy is stable")
          .isTrue();
      // A freshly started gmond sends each metric on its own schedule: wait for all of them.
      Await.until(Duration.ofSeconds(40), () -> everyHostReports(sink, METRICS));
      for (HostId host : List.of(A, B, C)) {
        Observation last = last(sink, host);
        assertThat(last.status()).isEqualTo(ObservedStatus.UP);
        assertThat(last.metrics()).containsKeys(METRICS);
        assertThat(last.detail()).contains("TMAX " + TMAX + " s", "via " + gmetad.address());
        assertThat(last.at()).isBefore(Instant.now().plusSeconds(1));
      }
      assertThat(last(sink, B).detail()).contains("node-b (127.0.0.2)");
      assertThat(sink.statuses()).isEmpty();
    }
  }

  /**
   * nc, then the adapter's next observation of each host, then nc again: if nc saw no change, the
   * adapter must agree.
   */
  private static boolean sameLoadFiveAsNc(RecordingSink sink, int port) {
    Map<String, Double> before = XmlText.loadFive(nc(port));
    int seen = sink.observations().size();
    if (!Await.until(Duration.ofSeconds(5), () -> sink.observations().size() >= seen + 3)) {
      return false;
    }
    Map<String, Double> after = XmlText.loadFive(nc(port));
    if (!before.equals(after) || before.size() != 3) {
      return false;
    }
    List<Observation> latest = sink.observations().subList(seen, sink.observations().size());
    return latest.stream()
        .allMatch(
            o -> before.get(o.subject().toString()).equals(o.metrics().get(Observation.LOAD_FIVE)));
  }

  @Test
  @Order(2)
  void probePrintsTheHostsFromTheXmlAndTheInteractivePort() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    GangliaProvider provider = new GangliaProvider();
    assertThat(provider.probe(List.of(gmetad.address()), o, e)).as(err.toString()).isZero();
    String xmlPort = out.toString(StandardCharsets.UTF_8);
    assertThat(xmlPort)
        .contains("GANGLIA_XML 3.7.2 from gmetad, 1 cluster(s), 3 host(s)")
        .containsPattern("node-a +127\\.0\\.0\\.1 +hatest +up")
        .containsPattern("node-b +127\\.0\\.0\\.2 +hatest +up")
        .containsPattern("node-c +127\\.0\\.0\\.3 +hatest +up");
    out.reset();
    String interactive = "127.0.0.1:" + gmetad.interactivePort();
    assertThat(provider.probe(List.of(interactive, "--query", "/hatest/node-b"), o, e)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("1 host(s)")
        .containsPattern("node-b +127\\.0\\.0\\.2 +hatest +up")
        .doesNotContain("node-a");
  }

  @Test
  @Order(3)
  void aKilledGmondIsDownWithinTheBoundAndNoOtherHostChangesState() throws Exception {
    RecordingSink sink = new RecordingSink();
    List<Verdict> verdicts = new CopyOnWriteArrayList<>();
    HaController controller = controller(sink, verdicts, Duration.ofSeconds(15));
    try {
      controller.start();
      assertThat(Await.until(Duration.ofSeconds(20), () -> upInController(controller, A, B, C)))
          .isTrue();
      int before = sink.observations().size();
      long killed = System.nanoTime();
      nodeB.kill();
      Observation down =
          Await.value(
              Duration.ofSeconds(40),
              () -> firstAfter(sink, before, B, ObservedStatus.UNREACHABLE));
      assertThat(down).as("node-b reported down").isNotNull();
      Duration detection = Duration.ofNanos(System.nanoTime() - killed);
      Duration bound = Duration.ofSeconds((long) (K * TMAX) + 1 + 1 + 1 + 3);
      System.out.printf(
          "[measure] gmond node-b killed -> UNREACHABLE after %d ms (bound %s)%n",
          detection.toMillis(), bound);
      assertThat(detection)
          .as("down within k x TMAX + TN rounding + gmetad and adapter polls")
          .isLessThanOrEqualTo(bound)
          .isGreaterThanOrEqualTo(Duration.ofSeconds((long) (K * TMAX) - TMAX - 2));
      assertThat(down.detail()).contains("not heard from for over 20 s (4 x TMAX)");
      assertThat(Await.until(Duration.ofSeconds(10), () -> healthOf(controller, B) == Health.DOWN))
          .isTrue();

      nodeB.start();
      Observation up =
          Await.value(
              Duration.ofSeconds(30),
              () -> firstAfter(sink, sink.observations().indexOf(down), B, ObservedStatus.UP));
      assertThat(up).as("node-b up again after its gmond restarted").isNotNull();
      assertThat(Await.until(Duration.ofSeconds(10), () -> healthOf(controller, B) == Health.UP))
          .isTrue();

      assertThat(sink.observations().subList(before, sink.observations().size()))
          .filteredOn(o -> !o.subject().equals(B))
          .as("node-a and node-c observations while node-b was down")
          .isNotEmpty()
          .allSatisfy(o -> assertThat(o.status()).isEqualTo(ObservedStatus.UP));
      assertThat(verdicts)
          .filteredOn(v -> v.subject().equals(A) || v.subject().equals(C))
          .extracting(Verdict::health)
          .containsOnly(Health.UP);
      assertThat(sink.statuses()).isEmpty();
    } finally {
      controller.close();
    }
  }

  @Test
  @Order(4)
  void aKilledGmetadIsMonitoringLostNotHostsDown() throws Exception {
    RecordingSink sink = new RecordingSink();
    List<Verdict> verdicts = new CopyOnWriteArrayList<>();
    Duration interval = Duration.ofSeconds(10);
    HaController controller = controller(sink, verdicts, interval);
    try {
      controller.start();
      assertThat(Await.until(Duration.ofSeconds(20), () -> upInController(controller, A, B, C)))
          .isTrue();
      gmetad.kill();
      assertThat(sink.awaitStatus(s -> !s.available(), Duration.ofSeconds(10))).isTrue();
      int atLoss = sink.observations().size();
      assertThat(sink.statuses().get(0).reason())
          .contains("ganglia source " + gmetad.address(), "connection refused");
      // Long enough for two missed checks of 10 s plus grace: silence alone would have made
      // every host DOWN by now, had the controller not been told the monitoring was lost.
      Thread.sleep(interval.multipliedBy(3).toMillis());
      assertThat(sink.observations().subList(atLoss, sink.observations().size()))
          .as("nothing sent while lost")
          .isEmpty();
      for (HostId host : List.of(A, B, C)) {
        assertThat(healthOf(controller, host))
            .as("%s while gmetad is dead", host)
            .isEqualTo(Health.UNKNOWN);
      }
      assertThat(verdicts).extracting(Verdict::health).doesNotContain(Health.DOWN);
      assertThat(controller.status().valveTripped()).isFalse();

      gmetad.start();
      assertThat(sink.awaitStatus(s -> s.available(), Duration.ofSeconds(20))).isTrue();
      assertThat(Await.until(Duration.ofSeconds(20), () -> upInController(controller, A, B, C)))
          .isTrue();
    } finally {
      controller.close();
      if (!gmetad.alive()) {
        gmetad.start();
      }
    }
  }

  private HaController controller(RecordingSink sink, List<Verdict> verdicts, Duration interval) {
    GangliaMonitor monitor = monitor(config().source(gmetad.address()).build());
    return HaController.builder()
        .topology(Sites.threeHosts())
        .inMemoryState()
        .detectionPolicy(DetectionPolicy.builder().check(Criticality.HIGH, interval, 2).build())
        .monitor(new TeeMonitor(monitor, sink))
        .listener(
            new ControllerListener() {
              @Override
              public void onVerdict(Verdict verdict) {
                verdicts.add(verdict);
              }
            })
        .build();
  }

  private static boolean upInController(HaController controller, HostId... hosts) {
    return List.of(hosts).stream().allMatch(h -> healthOf(controller, h) == Health.UP);
  }

  private static Health healthOf(HaController controller, SubjectId subject) {
    return controller.status().of(subject).orElseThrow().health();
  }

  private static Observation firstAfter(
      RecordingSink sink, int index, HostId host, ObservedStatus status) {
    List<Observation> all = sink.observations();
    return all.subList(Math.max(0, index), all.size()).stream()
        .filter(o -> o.subject().equals(host) && o.status() == status)
        .findFirst()
        .orElse(null);
  }

  private static final String[] METRICS = {
    "load_one", "load_five", "load_fifteen", "cpu_num", "mem_total", "mem_free"
  };

  private static boolean everyHostReports(RecordingSink sink, String... metrics) {
    for (HostId host : List.of(A, B, C)) {
      List<Observation> of = sink.observationsOf(host);
      if (of.isEmpty() || !of.get(of.size() - 1).metrics().keySet().containsAll(List.of(metrics))) {
        return false;
      }
    }
    return true;
  }

  private static Observation last(RecordingSink sink, HostId host) {
    List<Observation> of = sink.observationsOf(host);
    assertThat(of).as("observations of %s", host).isNotEmpty();
    return of.get(of.size() - 1);
  }

  /** The XML as {@code nc 127.0.0.1 PORT </dev/null} prints it. */
  static String nc(int port) {
    try {
      Process nc =
          new ProcessBuilder("nc", "127.0.0.1", Integer.toString(port))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      byte[] out = nc.getInputStream().readAllBytes();
      if (!nc.waitFor(10, TimeUnit.SECONDS)) {
        nc.destroyForcibly();
      }
      return new String(out, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
