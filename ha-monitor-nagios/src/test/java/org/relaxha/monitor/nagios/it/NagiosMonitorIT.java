package org.relaxha.monitor.nagios.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.monitor.nagios.EventSettings;
import org.relaxha.monitor.nagios.NagiosMonitor;
import org.relaxha.monitor.nagios.NagiosSettings;
import org.relaxha.monitor.nagios.SubjectMap;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.fake.RecordingSink;

/**
 * Real Nagios 4 checks a VM host and its service with check_tcp against loopback ports the test
 * opens and closes; two monitors read it: one from status.dat only, one that also listens for the
 * results Nagios pushes through the relaxha-nagios-event wrapper (a global event handler). Each
 * change must be seen within check interval (2 s) + status interval (1 s) + poll and slack, and the
 * figures are printed (MEASURED lines in the failsafe output).
 */
class NagiosMonitorIT {
  static final HostId NODE_A = HostId.of("node-a");
  static final VmId WEB_1 = VmId.of("web-1");
  static final ServiceId HTTPD = ServiceId.of("web-1", "httpd");

  /** check interval 2 s + status interval 1 s + poll 0.25 s + reaper and scheduling slack. */
  static final Duration BOUND = Duration.ofSeconds(7);

  @TempDir static Path dir;
  static LoopbackPort hostPort;
  static LoopbackPort svcPort;
  static NagiosProcess nagios;
  static NagiosMonitor polled;
  static NagiosMonitor pushed;
  static NagiosMonitor eventsOnly;
  static final RecordingSink polledSink = new RecordingSink();
  static final RecordingSink pushedSink = new RecordingSink();
  static final RecordingSink eventsSink = new RecordingSink();
  static final List<Long> statusLatencies = new ArrayList<>();
  static final List<Long> eventLatencies = new ArrayList<>();
  static final List<Long> pushedMonitorLatencies = new ArrayList<>();

  static Topology topology() {
    return Topology.of(
        List.of(Host.builder("node-a").build()),
        List.of(Vm.builder("web-1").homeHost("node-a").build()),
        List.of(Service.of("web-1", "httpd")));
  }

  @BeforeAll
  static void startNagios() throws Exception {
    NagiosProcess.requireNagios();
    hostPort = LoopbackPort.open();
    svcPort = LoopbackPort.open();
    Path socket = dir.resolve("events.sock");
    Path eventsOnlySocket = dir.resolve("events-only.sock");
    String objects =
        new NagiosObjects()
            .upHost("node-a")
            .tcpHost("web-1", hostPort.port())
            .upHost("stranger")
            .tcpService("web-1", "httpd", svcPort.port())
            .okService("node-a", "hypervisor")
            .command(
                "relaxha-host-event",
                ItSupport.eventCommand(eventsOnlySocket, true)
                    + "; "
                    + ItSupport.eventCommand(socket, true))
            .command(
                "relaxha-service-event",
                ItSupport.eventCommand(eventsOnlySocket, false)
                    + "; "
                    + ItSupport.eventCommand(socket, false))
            .toString();
    nagios =
        NagiosProcess.configure(
            dir.resolve("nagios"),
            objects,
            Map.of(
                "enable_event_handlers", "1",
                "global_host_event_handler", "relaxha-host-event",
                "global_service_event_handler", "relaxha-service-event"));
    SubjectMap map =
        SubjectMap.builder().hostsByName(topology()).servicesByName(topology()).build();
    polled = new NagiosMonitor(settings(map, "polled").build(), topology(), InstantSource.system());
    pushed =
        new NagiosMonitor(
            settings(map, "pushed").events(EventSettings.of(socket)).build(),
            topology(),
            InstantSource.system());
    // Reads status.dat once an hour: what it sees comes from the event handler.
    eventsOnly =
        new NagiosMonitor(
            settings(map, "events-only")
                .events(EventSettings.of(eventsOnlySocket))
                .pollInterval(Duration.ofHours(1))
                .staleAfter(Duration.ofHours(2))
                .build(),
            topology(),
            InstantSource.system());
    polled.start(polledSink);
    pushed.start(pushedSink);
    eventsOnly.start(eventsSink);
    nagios.start();
  }

  static NagiosSettings.Builder settings(SubjectMap map, String name) {
    return NagiosSettings.builder(nagios.statusFile(), map)
        .name(name)
        .pollInterval(Duration.ofMillis(250))
        .staleAfter(Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (polled != null) {
        polled.close();
        pushed.close();
        eventsOnly.close();
      }
    } finally {
      if (nagios != null) {
        nagios.close();
      }
      if (hostPort != null) {
        hostPort.close();
        svcPort.close();
      }
    }
    if (!statusLatencies.isEmpty()) {
      System.out.println(
          "MEASURED port closed -> FAILED observation, status.dat only: "
              + ItSupport.stats(statusLatencies));
      System.out.println(
          "MEASURED port closed -> FAILED observation, pushed by the event handler: "
              + ItSupport.stats(eventLatencies));
      System.out.println(
          "MEASURED port closed -> first FAILED observation, monitor with both: "
              + ItSupport.stats(pushedMonitorLatencies));
    }
  }

  @Test
  void observesEveryMappedSubjectAndReportsUnmappedNamesOnce() throws Exception {
    for (SubjectId s : List.of(NODE_A, WEB_1, HTTPD)) {
      assertThat(
              ItSupport.await(
                  polledSink,
                  Instant.EPOCH,
                  o -> o.subject().equals(s) && o.status() == ObservedStatus.UP,
                  BOUND))
          .as("UP observation of %s", s)
          .isPresent();
    }
    assertThat(polled.covers()).containsExactlyInAnyOrder(NODE_A, WEB_1, HTTPD);
    assertThat(polledSink.observations())
        .allSatisfy(o -> assertThat(o.subject()).isIn(NODE_A, WEB_1, HTTPD));
    assertThat(polled.sourceProblem()).isEmpty();
  }

  @Test
  void serviceFailureIsSeenThroughTheFileAndThroughTheEventHandler() throws Exception {
    for (int trial = 0; trial < 3; trial++) {
      awaitUp(HTTPD);
      Instant closed = Instant.now();
      svcPort.close();
      try {
        Observation viaFile = failure(polledSink, closed, HTTPD, false);
        Observation viaEvent = failure(eventsSink, closed, HTTPD, true);
        Observation first = failure(pushedSink, closed, HTTPD, null);
        statusLatencies.add(ItSupport.millis(closed, viaFile));
        eventLatencies.add(ItSupport.millis(closed, viaEvent));
        pushedMonitorLatencies.add(ItSupport.millis(closed, first));
        assertThat(Duration.between(closed, viaFile.at())).isLessThanOrEqualTo(BOUND);
        assertThat(viaEvent.detail()).startsWith("event: ");
        Optional<Observation> hard =
            ItSupport.await(
                polledSink,
                closed,
                o ->
                    o.subject().equals(HTTPD)
                        && o.status() == ObservedStatus.FAILED
                        && o.authoritative(),
                BOUND);
        assertThat(hard).as("a HARD (authoritative) CRITICAL").isPresent();
        assertThat(hard.get().detail()).contains("HARD CRITICAL");
      } finally {
        svcPort.reopen();
      }
      awaitUp(HTTPD);
    }
  }

  @Test
  void hostFailureIsUnreachableUntilThePortOpensAgain() throws Exception {
    awaitUp(WEB_1);
    Instant closed = Instant.now();
    hostPort.close();
    try {
      Optional<Observation> down =
          ItSupport.await(
              polledSink,
              closed,
              o -> o.subject().equals(WEB_1) && o.status() == ObservedStatus.UNREACHABLE,
              BOUND);
      assertThat(down).as("web-1 unreachable within %s", BOUND).isPresent();
      assertThat(down.get().detail()).contains("DOWN");
    } finally {
      hostPort.reopen();
    }
    Instant opened = Instant.now();
    assertThat(
            ItSupport.await(
                polledSink,
                opened,
                o -> o.subject().equals(WEB_1) && o.status() == ObservedStatus.UP,
                BOUND))
        .isPresent();
  }

  @Test
  void eachNagiosResultIsDeliveredOnceWhicheverWayItArrives() throws Exception {
    serviceFailureIsSeenOnce();
    Map<String, Long> failures =
        pushedSink.observationsOf(HTTPD).stream()
            .filter(o -> o.status().isFailure())
            .collect(Collectors.groupingBy(NagiosMonitorIT::resultKey, Collectors.counting()));
    assertThat(failures).isNotEmpty();
    assertThat(failures).allSatisfy((key, n) -> assertThat(n).as("deliveries of %s", key).isOne());
  }

  private void serviceFailureIsSeenOnce() throws Exception {
    awaitUp(HTTPD);
    Instant closed = Instant.now();
    svcPort.close();
    try {
      assertThat(
              ItSupport.await(
                  pushedSink,
                  closed,
                  o -> o.subject().equals(HTTPD) && o.authoritative() && o.status().isFailure(),
                  BOUND))
          .isPresent();
    } finally {
      svcPort.reopen();
    }
    awaitUp(HTTPD);
  }

  private static String resultKey(Observation o) {
    return o.metrics().get("nagios_last_check")
        + "/"
        + o.metrics().get("nagios_attempt")
        + "/"
        + o.metrics().get("nagios_hard")
        + "/"
        + o.metrics().get("nagios_state");
  }

  private static Observation failure(
      RecordingSink sink, Instant since, SubjectId subject, Boolean pushedOnly)
      throws InterruptedException {
    Optional<Observation> found =
        ItSupport.await(
            sink,
            since,
            o ->
                o.subject().equals(subject)
                    && o.status() == ObservedStatus.FAILED
                    && (pushedOnly == null || o.detail().startsWith("event: ") == pushedOnly),
            BOUND);
    assertThat(found)
        .as(
            "FAILED observation of %s (pushed: %s) within %s; seen: %s",
            subject, pushedOnly, BOUND, sink.observationsOf(subject))
        .isPresent();
    return found.get();
  }

  private static void awaitUp(SubjectId subject) throws InterruptedException {
    Instant now = Instant.now();
    assertThat(
            ItSupport.await(
                polledSink,
                now.minusMillis(1),
                o -> o.subject().equals(subject) && o.status() == ObservedStatus.UP,
                BOUND))
        .as("%s UP", subject)
        .isPresent();
  }
}
