package org.relaxha.monitor.nagios.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.monitor.nagios.CommandSettings;
import org.relaxha.monitor.nagios.MuteMode;
import org.relaxha.monitor.nagios.NagiosMonitor;
import org.relaxha.monitor.nagios.NagiosSettings;
import org.relaxha.monitor.nagios.SubjectMap;
import org.relaxha.monitor.nagios.status.NagiosObject;
import org.relaxha.monitor.nagios.status.StatusSnapshot;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.fake.RecordingSink;

/**
 * Mute and unmute through real Nagios 4's command file, verified by reading status.dat
 * independently of the monitor: downtimes (or disabled checks), acknowledgements and comments
 * appear after a mute and are gone after the unmute; a missing command file is reported at once.
 */
class ExternalCommandsIT {
  static final VmId WEB_1 = VmId.of("web-1");
  static final ServiceId HTTPD = ServiceId.of("web-1", "httpd");
  static final ServiceId DB = ServiceId.of("web-2", "db");
  static final NagiosObject WEB_1_HOST = NagiosObject.host("web-1");
  static final NagiosObject HTTPD_SVC = NagiosObject.service("web-1", "httpd");
  static final NagiosObject DB_SVC = NagiosObject.service("web-2", "db");
  static final Set<SubjectId> MUTED = Set.of(WEB_1, HTTPD, DB);
  static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir static Path dir;
  static LoopbackPort open;
  static int closedPort;
  static NagiosProcess nagios;

  static Topology topology() {
    return Topology.of(
        List.of(Host.builder("node-a").build(), Host.builder("node-b").build()),
        List.of(
            Vm.builder("web-1").homeHost("node-a").build(),
            Vm.builder("web-2").homeHost("node-a").build()),
        List.of(Service.of("web-1", "httpd"), Service.of("web-2", "db")));
  }

  @BeforeAll
  static void startNagios() throws Exception {
    NagiosProcess.requireNagios();
    open = LoopbackPort.open();
    LoopbackPort closed = LoopbackPort.open();
    closedPort = closed.port();
    closed.close();
    String objects =
        new NagiosObjects()
            .upHost("node-a")
            .tcpHost("web-1", open.port())
            .upHost("web-2")
            .tcpService("web-1", "httpd", open.port())
            .tcpService("web-2", "db", closedPort)
            .toString();
    nagios = NagiosProcess.configure(dir.resolve("nagios"), objects, Map.of()).start();
    nagios
        .awaitStatus(
            s ->
                s.status(DB_SVC).map(x -> x.state() == 2 && x.hard()).orElse(false)
                    && s.status(HTTPD_SVC).map(x -> x.checked() && x.state() == 0).orElse(false),
            WAIT)
        .orElseThrow(() -> new IllegalStateException("web-2/db never went HARD CRITICAL"));
  }

  @AfterAll
  static void stopNagios() throws Exception {
    if (nagios != null) {
      nagios.close();
    }
    if (open != null) {
      open.close();
    }
  }

  static NagiosMonitor monitor(CommandSettings commands) {
    SubjectMap map =
        SubjectMap.builder().hostsByName(topology()).servicesByName(topology()).build();
    NagiosMonitor m =
        new NagiosMonitor(
            NagiosSettings.builder(nagios.statusFile(), map)
                .pollInterval(Duration.ofMillis(200))
                .staleAfter(Duration.ofSeconds(10))
                .commands(commands)
                .build(),
            topology(),
            InstantSource.system());
    m.start(new RecordingSink());
    return m;
  }

  static CommandSettings commands(MuteMode mode, String author) {
    return new CommandSettings(
        nagios.commandFile(), mode, Duration.ofHours(1), true, author, Duration.ofSeconds(10));
  }

  @Test
  void muteSchedulesDowntimesAcknowledgesAndCommentsAndUnmuteRemovesThem() throws Exception {
    try (NagiosMonitor m = monitor(commands(MuteMode.DOWNTIME, "RelaxHA"))) {
      ActionResult muted = m.mute(MUTED, "host node-a failed");
      assertThat(muted.succeeded()).as(muted.detail()).isTrue();
      StatusSnapshot after = read(s -> downtimes(s, "RelaxHA") == 3 && acked(s));
      assertThat(after.status(WEB_1_HOST).orElseThrow().downtimeDepth()).isPositive();
      assertThat(after.status(HTTPD_SVC).orElseThrow().downtimeDepth()).isPositive();
      assertThat(after.status(DB_SVC).orElseThrow().acknowledged()).isTrue();
      for (NagiosObject o : List.of(WEB_1_HOST, HTTPD_SVC, DB_SVC)) {
        assertThat(after.commentsOf(o))
            .anySatisfy(
                c -> {
                  assertThat(c.author()).isEqualTo("RelaxHA");
                  assertThat(c.text()).isEqualTo("muted by RelaxHA: host node-a failed");
                });
      }

      ActionResult again = m.mute(MUTED, "host node-a failed");
      assertThat(again.succeeded()).as(again.detail()).isTrue();
      assertThat(downtimes(read(s -> true), "RelaxHA")).as("no second downtime").isEqualTo(3);

      ActionResult unmuted = m.unmute(MUTED, "recovered");
      assertThat(unmuted.succeeded()).as(unmuted.detail()).isTrue();
      StatusSnapshot clean = read(s -> downtimes(s, "RelaxHA") == 0 && !acked(s));
      for (NagiosObject o : List.of(WEB_1_HOST, HTTPD_SVC, DB_SVC)) {
        assertThat(clean.commentsOf(o)).noneMatch(c -> c.author().equals("RelaxHA"));
        assertThat(clean.status(o).orElseThrow().downtimeDepth()).isZero();
      }
    }
  }

  @Test
  void muteWithChecksDisablesChecksAndUnmuteEnablesThem() throws Exception {
    try (NagiosMonitor m = monitor(commands(MuteMode.CHECKS, "RelaxHA-checks"))) {
      Set<SubjectId> targets = Set.of(WEB_1, HTTPD);
      ActionResult muted = m.mute(targets, "host node-a failed");
      assertThat(muted.succeeded()).as(muted.detail()).isTrue();
      StatusSnapshot off = read(s -> !checks(s, WEB_1_HOST) && !checks(s, HTTPD_SVC));
      assertThat(off.status(WEB_1_HOST).orElseThrow().notifications()).isFalse();
      assertThat(off.status(HTTPD_SVC).orElseThrow().notifications()).isFalse();

      ActionResult unmuted = m.unmute(targets, "recovered");
      assertThat(unmuted.succeeded()).as(unmuted.detail()).isTrue();
      StatusSnapshot on = read(s -> checks(s, WEB_1_HOST) && checks(s, HTTPD_SVC));
      assertThat(on.status(WEB_1_HOST).orElseThrow().notifications()).isTrue();
      assertThat(on.commentsOf(WEB_1_HOST)).noneMatch(c -> c.author().equals("RelaxHA-checks"));
    }
  }

  @Test
  void aMissingCommandFileIsReportedAtOnceAndTheMonitorKeepsRunning() throws Exception {
    CommandSettings missing =
        new CommandSettings(
            dir.resolve("no-such.cmd"),
            MuteMode.DOWNTIME,
            Duration.ofHours(1),
            true,
            "RelaxHA",
            Duration.ofSeconds(10));
    try (NagiosMonitor m = monitor(missing)) {
      nagios.awaitStatus(s -> true, WAIT);
      awaitSnapshot(m);
      long started = System.nanoTime();
      ActionResult r = m.mute(MUTED, "host node-a failed");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
      assertThat(r).isInstanceOf(ActionResult.Unreachable.class);
      assertThat(r.detail()).contains("no-such.cmd").contains("does not exist");
      assertThat(m.sourceProblem()).isEmpty();
    }
  }

  @Test
  void subjectsNagiosDoesNotKnowAreNotSent() throws Exception {
    try (NagiosMonitor m = monitor(commands(MuteMode.DOWNTIME, "RelaxHA-none"))) {
      awaitSnapshot(m);
      ActionResult absent = m.mute(Set.of(HostId.of("node-b")), "test");
      assertThat(absent.succeeded()).as(absent.detail()).isTrue();
      assertThat(absent.detail()).contains("absent from status.dat: node-b");
      ActionResult unmapped = m.mute(Set.of(VmId.of("web-9")), "test");
      assertThat(unmapped.succeeded()).as(unmapped.detail()).isTrue();
      assertThat(unmapped.detail()).contains("vm:web-9").contains("is mapped to Nagios");
    }
  }

  private static void awaitSnapshot(NagiosMonitor m) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (m.latestSnapshot().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(m.latestSnapshot()).as("a status read").isPresent();
  }

  private static StatusSnapshot read(java.util.function.Predicate<StatusSnapshot> done)
      throws InterruptedException {
    return nagios
        .awaitStatus(done, WAIT)
        .orElseThrow(() -> new AssertionError("status.dat never showed it; log:\n" + nagios.log()));
  }

  private static long downtimes(StatusSnapshot s, String author) {
    return s.downtimes().stream().filter(d -> d.author().equals(author)).count();
  }

  private static boolean acked(StatusSnapshot s) {
    return s.status(DB_SVC).map(x -> x.acknowledged()).orElse(false);
  }

  private static boolean checks(StatusSnapshot s, NagiosObject o) {
    return s.status(o).orElseThrow().activeChecks();
  }
}
