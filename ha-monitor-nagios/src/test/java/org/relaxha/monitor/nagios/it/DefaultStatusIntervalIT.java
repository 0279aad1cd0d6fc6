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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.monitor.nagios.EventSettings;
import org.relaxha.monitor.nagios.NagiosMonitor;
import org.relaxha.monitor.nagios.NagiosSettings;
import org.relaxha.monitor.nagios.SubjectMap;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.testkit.fake.RecordingSink;

/**
 * The same failure as in NagiosMonitorIT, with Nagios's default status_update_interval of 10 s:
 * through status.dat alone the adapter sees it within check interval + 10 s; through the event
 * handler, within the check interval and the wrapper's start-up. Prints MEASURED lines.
 */
class DefaultStatusIntervalIT {
  static final ServiceId HTTPD = ServiceId.of("web-1", "httpd");
  static final Duration STATUS_BOUND = Duration.ofSeconds(2 + 10 + 3);
  static final Duration EVENT_BOUND = Duration.ofSeconds(2 + 4);

  @TempDir static Path dir;
  static LoopbackPort port;
  static NagiosProcess nagios;
  static NagiosMonitor polled;
  static NagiosMonitor events;
  static final RecordingSink polledSink = new RecordingSink();
  static final RecordingSink eventSink = new RecordingSink();
  static final List<Long> statusMillis = new ArrayList<>();
  static final List<Long> eventMillis = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    NagiosProcess.requireNagios();
    port = LoopbackPort.open();
    Path socket = dir.resolve("events.sock");
    String objects =
        new NagiosObjects()
            .upHost("node-a")
            .upHost("web-1")
            .tcpService("web-1", "httpd", port.port())
            .command("relaxha-service-event", ItSupport.eventCommand(socket, false))
            .toString();
    nagios =
        NagiosProcess.configure(
            dir.resolve("nagios"),
            objects,
            Map.of(
                "status_update_interval", "10",
                "enable_event_handlers", "1",
                "global_service_event_handler", "relaxha-service-event"));
    SubjectMap map =
        SubjectMap.builder()
            .hostsByName(NagiosMonitorIT.topology())
            .servicesByName(NagiosMonitorIT.topology())
            .build();
    polled =
        new NagiosMonitor(
            NagiosSettings.builder(nagios.statusFile(), map)
                .name("polled")
                .pollInterval(Duration.ofMillis(250))
                .staleAfter(Duration.ofSeconds(30))
                .build(),
            NagiosMonitorIT.topology(),
            InstantSource.system());
    events =
        new NagiosMonitor(
            NagiosSettings.builder(nagios.statusFile(), map)
                .name("events")
                .pollInterval(Duration.ofHours(1))
                .staleAfter(Duration.ofHours(2))
                .events(EventSettings.of(socket))
                .build(),
            NagiosMonitorIT.topology(),
            InstantSource.system());
    polled.start(polledSink);
    events.start(eventSink);
    nagios.start();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (polled != null) {
        polled.close();
        events.close();
      }
    } finally {
      if (nagios != null) {
        nagios.close();
      }
      if (port != null) {
        port.close();
      }
    }
    if (!statusMillis.isEmpty()) {
      System.out.println(
          "MEASURED (status_update_interval=10) port closed -> FAILED, status.dat"
              + " only: "
              + ItSupport.stats(statusMillis));
      System.out.println(
          "MEASURED (status_update_interval=10) port closed -> FAILED, event"
              + " handler: "
              + ItSupport.stats(eventMillis));
    }
  }

  @Test
  void theEventHandlerDoesNotWaitForTheStatusFile() throws Exception {
    for (int trial = 0; trial < 3; trial++) {
      awaitOk();
      Instant closed = Instant.now();
      port.close();
      try {
        Observation viaEvent = failed(eventSink, closed, EVENT_BOUND);
        Observation viaFile = failed(polledSink, closed, STATUS_BOUND);
        eventMillis.add(ItSupport.millis(closed, viaEvent));
        statusMillis.add(ItSupport.millis(closed, viaFile));
      } finally {
        port.reopen();
      }
    }
  }

  private static void awaitOk() throws InterruptedException {
    Instant failed = lastFailure();
    assertThat(
            ItSupport.await(
                polledSink,
                Instant.EPOCH,
                o ->
                    o.subject().equals(HTTPD)
                        && o.status() == ObservedStatus.UP
                        && o.at().isAfter(failed),
                STATUS_BOUND))
        .as("httpd OK again after %s", failed)
        .isPresent();
  }

  private static Instant lastFailure() {
    return polledSink.observationsOf(HTTPD).stream()
        .filter(o -> o.status().isFailure())
        .map(Observation::at)
        .max(Instant::compareTo)
        .orElse(Instant.EPOCH);
  }

  private static Observation failed(RecordingSink sink, Instant since, Duration bound)
      throws InterruptedException {
    Optional<Observation> o =
        ItSupport.await(
            sink,
            since,
            x -> x.subject().equals(HTTPD) && x.status() == ObservedStatus.FAILED,
            bound);
    assertThat(o).as("FAILED within %s; seen %s", bound, sink.observationsOf(HTTPD)).isPresent();
    return o.get();
  }
}
