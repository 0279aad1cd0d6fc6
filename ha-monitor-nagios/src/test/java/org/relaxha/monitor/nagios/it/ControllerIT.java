package org.relaxha.monitor.nagios.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.core.runtime.HaController;
import org.relaxha.core.runtime.SubjectStatus;
import org.relaxha.monitor.nagios.CommandSettings;
import org.relaxha.monitor.nagios.NagiosMonitor;
import org.relaxha.monitor.nagios.NagiosSettings;
import org.relaxha.monitor.nagios.SubjectMap;
import org.relaxha.monitor.nagios.status.NagiosObject;
import org.relaxha.monitor.nagios.status.StatusSnapshot;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;

/**
 * End to end with a real HaController and real Nagios 4: Nagios's HARD failures drive the
 * controller's verdicts, and when node-a goes down the controller mutes web-1 and its service in
 * Nagios (downtimes, through this monitor's MonitoringControl), then unmutes them when node-a comes
 * back before it could be fenced.
 */
class ControllerIT {
  static final HostId NODE_A = HostId.of("node-a");
  static final ServiceId HTTPD = ServiceId.of("web-1", "httpd");
  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir static Path dir;
  static LoopbackPort hostPort;
  static LoopbackPort svcPort;
  static NagiosProcess nagios;
  static HaController controller;

  static Topology topology() {
    return ItSupport.threeHostsOneVm();
  }

  @BeforeAll
  static void start() throws Exception {
    NagiosProcess.requireNagios();
    hostPort = LoopbackPort.open();
    svcPort = LoopbackPort.open();
    String objects =
        new NagiosObjects()
            .tcpHost("node-a", hostPort.port())
            .upHost("node-b")
            .upHost("node-c")
            .upHost("web-1")
            .tcpService("web-1", "httpd", svcPort.port())
            .toString();
    nagios = NagiosProcess.configure(dir.resolve("nagios"), objects, Map.of()).start();
    SubjectMap map =
        SubjectMap.builder().hostsByName(topology()).servicesByName(topology()).build();
    NagiosMonitor monitor =
        new NagiosMonitor(
            NagiosSettings.builder(nagios.statusFile(), map)
                .pollInterval(Duration.ofMillis(250))
                .staleAfter(Duration.ofSeconds(10))
                .commands(CommandSettings.of(nagios.commandFile()))
                .build(),
            topology(),
            InstantSource.system());
    controller =
        HaController.builder().topology(topology()).inMemoryState().monitor(monitor).build();
    controller.start();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (controller != null) {
        controller.close();
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
  }

  @Test
  void aHardServiceFailureMakesTheServiceDownAndItsRecoveryUp() throws Exception {
    awaitHealth(HTTPD, Health.UP);
    svcPort.close();
    try {
      awaitHealth(HTTPD, Health.DOWN);
    } finally {
      svcPort.reopen();
    }
    awaitHealth(HTTPD, Health.UP);
  }

  @Test
  void aFailedHostsVmIsMutedInNagiosAndUnmutedWhenTheHostReturns() throws Exception {
    awaitHealth(NODE_A, Health.UP);
    hostPort.close();
    try {
      awaitHealth(NODE_A, Health.DOWN);
      StatusSnapshot muted =
          read(
              s ->
                  downtime(s, NagiosObject.host("web-1"))
                      && downtime(s, NagiosObject.service("web-1", "httpd")));
      assertThat(muted.commentsOf(NagiosObject.host("web-1")))
          .anySatisfy(c -> assertThat(c.text()).startsWith("muted by RelaxHA: "));
    } finally {
      hostPort.reopen();
    }
    awaitHealth(NODE_A, Health.UP);
    read(
        s ->
            !downtime(s, NagiosObject.host("web-1"))
                && !downtime(s, NagiosObject.service("web-1", "httpd")));
  }

  private static boolean downtime(StatusSnapshot s, NagiosObject o) {
    return s.downtimesOf(o).stream().anyMatch(d -> d.author().equals("RelaxHA"));
  }

  private static StatusSnapshot read(Predicate<StatusSnapshot> done) throws Exception {
    return nagios
        .awaitStatus(done, WAIT)
        .orElseThrow(
            () ->
                new AssertionError(
                    "status.dat never showed it; controller: "
                        + controller.status()
                        + "\nnagios.log:\n"
                        + nagios.log()));
  }

  private static void awaitHealth(SubjectId subject, Health health) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Optional<SubjectStatus> s = controller.status().of(subject);
    while (System.nanoTime() < deadline && !s.map(x -> x.health() == health).orElse(false)) {
      Thread.sleep(100);
      s = controller.status().of(subject);
    }
    assertThat(s.map(SubjectStatus::health)).as("%s: %s", subject, s).contains(health);
  }
}
