package org.relaxha.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.core.detect.DetectionPolicy;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.Gate;
import org.relaxha.testkit.fake.HypervisorOp;
import org.relaxha.testkit.fake.InMemoryHypervisor;
import org.relaxha.testkit.fake.InMemoryMonitor;

/** The controller on real threads: timeouts, hung adapters, exceptions, the status file. */
class ControllerRealTimeTest {
  private static final HostId H1 = HostId.of("h1");
  private static final HostId H2 = HostId.of("h2");
  private static final VmId VM = VmId.of("web");

  private final InMemoryHypervisor hypervisor =
      new InMemoryHypervisor("mem", InstantSource.system());
  private final InMemoryMonitor monitor = new InMemoryMonitor("events", InstantSource.system());
  private HaController controller;

  @TempDir Path dir;

  private HaController start() {
    hypervisor.addHost(H1).addHost(H2);
    hypervisor.define(VM, H1, PowerState.RUNNING);
    Topology topology =
        Topology.of(
            List.of(Host.builder("h1").build(), Host.builder("h2").build()),
            List.of(Vm.builder("web").homeHost("h1").criticality(Criticality.HIGH).build()),
            List.of());
    controller =
        HaController.builder()
            .topology(topology)
            .stateDirectory(dir.resolve("state"))
            .statusInterval(Duration.ofMillis(100))
            .detectionPolicy(
                DetectionPolicy.builder()
                    .check(Criticality.HIGH, Duration.ofSeconds(60), 2)
                    .build())
            .timeouts(
                new Timeouts(
                    Duration.ofMillis(300), Duration.ofSeconds(2), 0, Duration.ofMillis(50)))
            .monitor(monitor)
            .hypervisor(hypervisor)
            .threads(2)
            .build();
    controller.start();
    monitor.observe(H1, ObservedStatus.UP);
    monitor.observe(H2, ObservedStatus.UP);
    monitor.observe(VM, ObservedStatus.UP);
    return controller;
  }

  @AfterEach
  void stop() {
    if (controller != null) {
      controller.close();
    }
  }

  private void crash() {
    hypervisor.crashVm(VM, H1);
    monitor.push(
        Observation.of(VM, ObservedStatus.UNREACHABLE, Instant.now(), "events", "crashed")
            .asAuthoritative());
  }

  @Test
  void aHungPowerCycleTimesOutAndTheVmIsRelocatedWithNoThreadLeftStuck() throws Exception {
    start();
    Gate gate = hypervisor.hangNext(HypervisorOp.POWER_CYCLE_VM);
    crash();
    assertThat(gate.awaitWaiting(1, Duration.ofSeconds(5))).isTrue();
    awaitTrue(() -> hypervisor.runningHostsOf(VM).contains(H2), Duration.ofSeconds(10));
    assertThat(gate.interrupted()).as("the hung call was interrupted").isEqualTo(1);
    assertThat(controller.status().stuckCalls()).isZero();
    assertThat(hypervisor.startCount(VM)).isEqualTo(1);
    controller.close();
    awaitTrue(
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("relaxha-")),
        Duration.ofSeconds(5));
  }

  @Test
  void anAdapterThatThrowsIsAFailureNotACrash() throws Exception {
    start();
    hypervisor.throwNext(
        HypervisorOp.POWER_CYCLE_VM, new IllegalStateException("libvirt went away"));
    crash();
    awaitTrue(() -> hypervisor.runningHostsOf(VM).size() == 1, Duration.ofSeconds(10));
    assertThat(controller.status().recentDecisions())
        .anyMatch(d -> d.reason().contains("threw IllegalStateException: libvirt went away"));
  }

  @Test
  void theStatusFileShowsEverySubject() throws Exception {
    start();
    Path file = dir.resolve("state").resolve("status.txt");
    awaitTrue(() -> Files.exists(file), Duration.ofSeconds(5));
    awaitTrue(() -> read(file).contains("vm:web"), Duration.ofSeconds(5));
    String text = read(file);
    assertThat(text)
        .startsWith("RelaxHA status at ")
        .contains("host:h1")
        .contains("HEALTHY")
        .contains("REASON");
    assertThat(StatusReport.takenAt(text)).isPresent();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(20);
    }
  }
}
