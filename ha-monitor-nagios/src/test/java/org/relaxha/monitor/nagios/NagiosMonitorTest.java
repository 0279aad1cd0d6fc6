package org.relaxha.monitor.nagios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.SourceStatus;
import org.relaxha.testkit.fake.RecordingSink;

/** The monitor over status.dat files the test writes (no Nagios needed). */
class NagiosMonitorTest {
  static final HostId NODE_A = HostId.of("node-a");
  static final VmId WEB_1 = VmId.of("web-1");
  static final ServiceId HTTPD = ServiceId.of("web-1", "httpd");
  static final Duration WAIT = Duration.ofSeconds(5);

  @TempDir Path dir;
  final RecordingSink sink = new RecordingSink();
  NagiosMonitor monitor;

  static Topology topology() {
    return Topology.of(
        List.of(Host.builder("node-a").build()),
        List.of(Vm.builder("web-1").homeHost("node-a").build()),
        List.of(Service.of("web-1", "httpd")));
  }

  Path status() {
    return dir.resolve("status.dat");
  }

  NagiosMonitor start(NagiosSettings.Builder settings) {
    monitor = new NagiosMonitor(settings.build(), topology(), InstantSource.system());
    monitor.start(sink);
    return monitor;
  }

  NagiosSettings.Builder settings() {
    SubjectMap map =
        SubjectMap.builder()
            .host("nagios-node-a", NODE_A)
            .vm("web1.example.com", WEB_1)
            .service("HTTP", HTTPD)
            .build();
    return NagiosSettings.builder(status(), map)
        .pollInterval(Duration.ofMillis(20))
        .staleAfter(Duration.ofMillis(1500));
  }

  static long now() {
    return Instant.now().getEpochSecond();
  }

  @AfterEach
  void close() {
    if (monitor != null) {
      monitor.close();
    }
  }

  @Test
  void mapsNagiosNamesToSubjectsAndHardStatesAreAuthoritative() throws Exception {
    long t = now();
    StatusText.at(Instant.now())
        .host("nagios-node-a", 0, true, 1, t)
        .host("web1.example.com", 1, false, 1, t)
        .service("web1.example.com", "HTTP", 2, true, 2, t)
        .writeTo(status());
    start(settings());
    await(o -> o.subject().equals(HTTPD));
    await(o -> o.subject().equals(WEB_1));
    Observation web = sink.observationsOf(WEB_1).get(0);
    assertThat(web.status()).isEqualTo(ObservedStatus.UNREACHABLE);
    assertThat(web.authoritative()).as("SOFT DOWN").isFalse();
    assertThat(web.detail()).startsWith("SOFT DOWN (attempt 1/2)");
    Observation http = sink.observationsOf(HTTPD).get(0);
    assertThat(http.status()).isEqualTo(ObservedStatus.FAILED);
    assertThat(http.authoritative()).as("HARD CRITICAL").isTrue();
    assertThat(http.source()).isEqualTo(monitor.name());
    assertThat(http.metrics()).containsEntry("nagios_state", 2.0).containsEntry("nagios_hard", 1.0);
    assertThat(monitor.covers()).containsExactlyInAnyOrder(NODE_A, WEB_1, HTTPD);
  }

  @Test
  void aFailedCheckIsDeliveredOnceAndAliveStatesAreRepeated() throws Exception {
    long t = now();
    start(settings());
    for (int i = 0; i < 3; i++) {
      StatusText.at(Instant.now())
          .host("nagios-node-a", 0, true, 1, t)
          .service("web1.example.com", "HTTP", 2, false, 1, t)
          .writeTo(status());
      int before = sink.observationsOf(NODE_A).size();
      await(o -> o.subject().equals(NODE_A), before + 1);
    }
    assertThat(sink.observationsOf(HTTPD)).hasSize(1);
    assertThat(sink.observationsOf(NODE_A)).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void pendingObjectsAndStaleChecksAreNotReportedAsAlive() throws Exception {
    long old = now() - 3600;
    StatusText.at(Instant.now())
        .host("nagios-node-a", 0, true, 1, 0)
        .host("web1.example.com", 0, true, 1, old)
        .service("web1.example.com", "HTTP", 0, true, 1, now())
        .writeTo(status());
    start(settings().maxCheckAge(Duration.ofMinutes(5)));
    await(o -> o.subject().equals(HTTPD));
    StatusText.at(Instant.now().plusSeconds(1))
        .host("nagios-node-a", 0, true, 1, 0)
        .host("web1.example.com", 0, true, 1, old)
        .service("web1.example.com", "HTTP", 0, true, 1, now())
        .writeTo(status());
    await(o -> o.subject().equals(HTTPD), 2);
    assertThat(sink.observationsOf(NODE_A)).as("never checked").isEmpty();
    assertThat(sink.observationsOf(WEB_1)).as("old result, once, not repeated").hasSize(1);
  }

  @Test
  void unmappedAndAbsentNamesAreReportedOnce() throws Exception {
    start(settings());
    for (int i = 0; i < 3; i++) {
      StatusText.at(Instant.now())
          .host("nagios-node-a", 0, true, 1, now())
          .host("stranger", 0, true, 1, now())
          .service("web1.example.com", "SSH", 0, true, 1, now())
          .service("nagios-node-a", "load", 0, true, 1, now())
          .writeTo(status());
      int before = sink.observationsOf(NODE_A).size();
      await(o -> o.subject().equals(NODE_A), before + 1);
    }
    assertThat(monitor.reportedNames())
        .containsExactlyInAnyOrder(
            "unmapped stranger", "unmapped web1.example.com/SSH",
            "absent web1.example.com", "absent web1.example.com/HTTP");
  }

  @Test
  void aMissingFileIsLostAtOnceAndAFreshOneRestoresIt() throws Exception {
    start(settings());
    awaitStatus(s -> !s.available() && s.reason().contains("does not exist"));
    StatusText.at(Instant.now()).host("nagios-node-a", 0, true, 1, now()).writeTo(status());
    awaitStatus(SourceStatus::available);
    assertThat(monitor.sourceProblem()).isEmpty();
  }

  @Test
  void aFileThatStopsChangingIsLost() throws Exception {
    StatusText.at(Instant.now()).host("nagios-node-a", 0, true, 1, now()).writeTo(status());
    start(settings());
    await(o -> o.subject().equals(NODE_A));
    awaitStatus(s -> !s.available() && s.reason().contains("not rewritten"));
    assertThat(sink.statuses()).hasSize(1);
  }

  @Test
  void anOldFileIsLostFromTheStart() throws Exception {
    StatusText.at(Instant.now().minusSeconds(600))
        .host("nagios-node-a", 0, true, 1, now())
        .writeTo(status());
    start(settings());
    awaitStatus(s -> !s.available() && s.reason().contains("was written"));
    assertThat(sink.observations()).isEmpty();
  }

  @Test
  void aTruncatedFileDeliversItsCompleteBlocksAndTheMonitorGoesOn() throws Exception {
    String text =
        StatusText.at(Instant.now())
            .host("nagios-node-a", 0, true, 1, now())
            .service("web1.example.com", "HTTP", 0, true, 1, now())
            .toString();
    Files.writeString(status(), text.substring(0, text.lastIndexOf("plugin_output")));
    start(settings());
    await(o -> o.subject().equals(NODE_A));
    assertThat(sink.observationsOf(HTTPD)).isEmpty();
    StatusText.at(Instant.now())
        .service("web1.example.com", "HTTP", 0, true, 1, now())
        .writeTo(status());
    await(o -> o.subject().equals(HTTPD));
  }

  @Test
  void aFileWithoutInfoBlockIsNotAStatusFile() throws Exception {
    Files.writeString(status(), "hoststatus {\n\thost_name=nagios-node-a\n\t}\n");
    start(settings());
    awaitStatus(s -> !s.available() && s.reason().contains("no info block"));
  }

  @Test
  void startTwiceOrAfterCloseIsRefused() {
    start(settings());
    assertThatThrownBy(() -> monitor.start(sink)).isInstanceOf(IllegalStateException.class);
    monitor.close();
    assertThatThrownBy(() -> monitor.start(sink)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void withoutCommandsWriteBacksAreNoOps() {
    start(settings());
    assertThat(monitor.mute(Set.of(WEB_1), "x").succeeded()).isTrue();
    assertThat(monitor.vmMoved(WEB_1, NODE_A, NODE_A).detail()).contains("no writeBack");
  }

  @Test
  void commandsToAMissingCommandFileAreUnreachableNotFatal() throws Exception {
    StatusText.at(Instant.now()).host("web1.example.com", 0, true, 1, now()).writeTo(status());
    start(
        settings()
            .staleAfter(Duration.ofSeconds(30))
            .commands(CommandSettings.of(dir.resolve("rw/nagios.cmd"))));
    await(o -> o.subject().equals(WEB_1));
    ActionResult r = monitor.mute(Set.of(WEB_1), "host node-a failed");
    assertThat(r).isInstanceOf(ActionResult.Unreachable.class);
    assertThat(r.detail()).contains("rw/nagios.cmd").contains("does not exist");
    monitor.close();

    Path regular = Files.writeString(dir.resolve("nagios.cmd"), "");
    start(settings().staleAfter(Duration.ofSeconds(30)).commands(CommandSettings.of(regular)));
    await(o -> o.subject().equals(WEB_1), 2);
    ActionResult notFifo = monitor.mute(Set.of(WEB_1), "host node-a failed");
    assertThat(notFifo).isInstanceOf(ActionResult.Failed.class);
    assertThat(notFifo.detail()).contains("not a FIFO");
    assertThat(Files.size(regular)).as("nothing written to a regular file").isZero();
  }

  private void await(Predicate<Observation> match) throws InterruptedException {
    await(match, 1);
  }

  private void await(Predicate<Observation> match, int count) throws InterruptedException {
    assertThat(sink.awaitObservations(match, count, WAIT))
        .as("%d observations; got %s", count, sink.observations())
        .isTrue();
  }

  private void awaitStatus(Predicate<SourceStatus> match) throws InterruptedException {
    assertThat(sink.awaitStatus(match, WAIT)).as("statuses %s", sink.statuses()).isTrue();
  }
}
