package org.relaxha.monitor.nagios.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.monitor.nagios.CommandSettings;
import org.relaxha.monitor.nagios.NagiosMonitor;
import org.relaxha.monitor.nagios.NagiosSettings;
import org.relaxha.monitor.nagios.SubjectMap;
import org.relaxha.monitor.nagios.WriteBackSettings;
import org.relaxha.monitor.nagios.status.NagiosObject;
import org.relaxha.monitor.nagios.status.ObjectCache;
import org.relaxha.monitor.nagios.status.StatusSnapshot;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.fake.RecordingSink;

/**
 * Dependency write-back against real Nagios 4: web-1's host definition uses the RelaxHA-owned
 * template relaxha-parents-web-1 from an include file the monitor writes. Moving the VM rewrites
 * the template's parents, {@code nagios -v} accepts it, Nagios reloads (RESTART_PROGRAM: a new
 * program_start in status.dat) and its object cache shows the new parent. A move to node-c, which
 * is mapped to a Nagios host that does not exist, fails validation: the file is rolled back and
 * Nagios keeps running on the old configuration.
 */
class WriteBackIT {
  static final VmId WEB_1 = VmId.of("web-1");
  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir static Path dir;
  static LoopbackPort port;
  static NagiosProcess nagios;
  static NagiosMonitor monitor;
  static Path include;

  static Topology topology() {
    return ItSupport.threeHostsOneVm();
  }

  @BeforeAll
  static void start() throws Exception {
    Path binary = NagiosProcess.requireNagios();
    port = LoopbackPort.open();
    Path home = dir.resolve("nagios");
    include = home.resolve("relaxha-dependencies.cfg");
    String objects =
        new NagiosObjects()
            .upHost("node-a")
            .upHost("node-b")
            .host("web-1", "relaxha-parents-web-1,it-host", "check-tcp!" + port.port())
            .tcpService("web-1", "httpd", port.port())
            .okService("node-a", "hypervisor")
            .okService("node-b", "hypervisor")
            .toString();
    nagios =
        NagiosProcess.configure(
            home, objects, Map.of("cfg_file", home.resolve("objects.cfg") + "\n" + include));
    SubjectMap map =
        SubjectMap.builder()
            .host("ghost-host", HostId.of("node-c"))
            .hostsByName(topology())
            .servicesByName(topology())
            .build();
    WriteBackSettings writeBack =
        new WriteBackSettings(
            include,
            nagios.config(),
            binary,
            Optional.empty(),
            WriteBackSettings.DEFAULT_PREFIX,
            true,
            List.of("hypervisor"),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
    monitor =
        new NagiosMonitor(
            NagiosSettings.builder(nagios.statusFile(), map)
                .pollInterval(Duration.ofMillis(200))
                .staleAfter(Duration.ofSeconds(10))
                .commands(CommandSettings.of(nagios.commandFile()))
                .writeBack(writeBack)
                .build(),
            topology(),
            InstantSource.system());
    monitor.start(new RecordingSink());
    assertThat(include).as("written at start").exists();
    nagios.start();
    assertThat(parents()).containsExactly("node-a");
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (monitor != null) {
        monitor.close();
      }
    } finally {
      if (nagios != null) {
        nagios.close();
      }
      if (port != null) {
        port.close();
      }
    }
  }

  @Test
  void aMoveRewritesTheParentsValidatesAndReloadsNagios() throws Exception {
    HostId from = location();
    HostId to = from.name().equals("node-a") ? HostId.of("node-b") : HostId.of("node-a");
    long started = status().programStart();
    long pid = nagios.pid();
    awaitMonitorSnapshot();

    ActionResult r = monitor.vmMoved(WEB_1, from, to);

    assertThat(r.succeeded()).as(r.detail()).isTrue();
    assertThat(r.detail()).contains("comment added");
    assertThat(parents()).containsExactly(to.name());
    StatusSnapshot after = status();
    assertThat(after.programStart()).as("Nagios reloaded").isGreaterThan(started);
    assertThat(after.nagiosPid()).isEqualTo(pid);
    assertThat(Files.readString(include))
        .contains("# relaxha-location: vm=web-1 host=" + to.name())
        .contains("\tparents\t" + to.name());
    assertThat(nagios.alive()).isTrue();
    assertThat(after.commentsOf(NagiosObject.host("web-1")))
        .anySatisfy(
            c -> assertThat(c.text()).isEqualTo("RelaxHA: vmMoved web-1 " + from + " -> " + to));

    ActionResult again = monitor.vmMoved(WEB_1, from, to);
    assertThat(again.succeeded()).as(again.detail()).isTrue();
    assertThat(again.detail()).contains("already");
  }

  @Test
  void aBrokenWriteBackIsRolledBackAndNagiosKeepsTheOldConfiguration() throws Exception {
    awaitMonitorSnapshot();
    byte[] before = Files.readAllBytes(include);
    List<String> parentsBefore = parents();
    long started = status().programStart();
    long pid = nagios.pid();

    ActionResult r = monitor.vmMoved(WEB_1, location(), HostId.of("node-c"));

    assertThat(r.succeeded()).as(r.detail()).isFalse();
    assertThat(r.detail()).contains("rolled back").contains("ghost-host");
    assertThat(Files.readAllBytes(include)).as("file restored byte for byte").isEqualTo(before);
    assertThat(nagios.alive()).isTrue();
    Instant now = Instant.now();
    StatusSnapshot later =
        nagios
            .awaitStatus(s -> s.created().getEpochSecond() > now.getEpochSecond(), WAIT)
            .orElseThrow();
    assertThat(later.programStart()).as("not reloaded").isEqualTo(started);
    assertThat(later.nagiosPid()).isEqualTo(pid);
    assertThat(parents()).isEqualTo(parentsBefore);
  }

  private static HostId location() throws Exception {
    return parents().get(0).equals("node-a") ? HostId.of("node-a") : HostId.of("node-b");
  }

  private static List<String> parents() throws Exception {
    return ObjectCache.parents(nagios.objectCache(), Set.of("web-1")).get("web-1");
  }

  private static StatusSnapshot status() throws InterruptedException {
    return nagios.awaitStatus(s -> true, WAIT).orElseThrow();
  }

  private static void awaitMonitorSnapshot() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (monitor.sourceProblem().isPresent() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(monitor.sourceProblem()).isEmpty();
  }
}
