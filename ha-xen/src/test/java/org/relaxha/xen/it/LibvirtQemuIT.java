package org.relaxha.xen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.core.engine.Command;
import org.relaxha.core.runtime.ControllerListener;
import org.relaxha.core.runtime.HaController;
import org.relaxha.core.runtime.Timeouts;
import org.relaxha.spi.hypervisor.InventoryResult;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.fake.RecordingSink;
import org.relaxha.xen.LibvirtAdapter;
import org.relaxha.xen.LibvirtConfig;
import org.relaxha.xen.LibvirtEventMonitor;
import org.relaxha.xen.LibvirtHypervisor;
import org.relaxha.xen.RunningCheck;

/**
 * The libvirt adapter against a real libvirtd (its own config and socket, started here and stopped
 * by PID) running a real QEMU guest under TCG: start from a domain XML file, the crash of the
 * guest's QEMU (SIGKILL) reported by the event monitor and repaired by a real {@link HaController},
 * a frozen libvirtd (SIGSTOP) giving timeouts instead of hangs, and a libvirtd that dies and comes
 * back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibvirtQemuIT {
  private static final String DOMAIN = "relaxha-it-havm";
  private static final VmId VM = VmId.of(DOMAIN);
  private static final HostId H1 = HostId.of("h1");
  private static final Vm VM_SPEC = Vm.builder(DOMAIN).demand(1, 128).homeHost("h1").build();

  @TempDir static Path dir;
  private static GuestLab lab;

  @BeforeAll
  static void startLibvirtd() throws Exception {
    lab = GuestLab.start(dir, DOMAIN);
  }

  @AfterAll
  static void stopLibvirtd() throws Exception {
    if (lab != null) {
      lab.stop();
    }
  }

  private static LibvirtAdapter adapter() {
    // Generous: the first QEMU start on a fresh libvirtd probes QEMU's capabilities (seconds).
    return adapter(Duration.ofSeconds(20), Duration.ofSeconds(1));
  }

  private static LibvirtAdapter adapter(Duration callTimeout, Duration heartbeat) {
    return new LibvirtAdapter(
        LibvirtConfig.builder()
            .name("kvm")
            .host(H1, lab.libvirtd().uri())
            .domainXmlDirectory(lab.xmlDir())
            .callTimeout(callTimeout)
            .connectTimeout(Duration.ofSeconds(5))
            .heartbeat(heartbeat)
            .reconnect(Duration.ofMillis(200), Duration.ofSeconds(1))
            .build());
  }

  @Test
  @Order(1)
  void startsTheGuestFromItsDomainXmlAndSeesItRunning() throws Exception {
    LibvirtHypervisor hypervisor = adapter().hypervisor();
    try {
      hypervisor.start();
      long t0 = System.nanoTime();
      ActionResult started = hypervisor.startVm(VM_SPEC, H1);
      Duration startTook = Libvirtd.since(t0);
      assertThat(started.succeeded()).as("%s", started).isTrue();
      assertThat(started.detail()).contains("defined from file");
      assertThat(state(hypervisor)).contains(PowerState.RUNNING);
      assertThat(hypervisor.isRunningOn(VM, H1)).isInstanceOf(RunningCheck.Running.class);
      await(Duration.ofSeconds(60), () -> boots() >= 1, "the guest's boot marker");
      Duration booted = Libvirtd.since(t0);
      assertThat(hypervisor.startVm(VM_SPEC, H1).detail()).contains("not started again");
      assertThat(hypervisor.rebootVm(VM, H1).succeeded()).isTrue();
      System.out.printf(
          "[libvirt IT] startVm (define + create) took %d ms; boot marker after %d ms%n",
          startTook.toMillis(), booted.toMillis());
    } finally {
      hypervisor.close();
    }
  }

  @Test
  @Order(2)
  void aKilledGuestIsReportedCrashedAndPowerCycledByTheController() throws Exception {
    // A slow heartbeat, so that the crash is seen through libvirt's event, not a poll.
    LibvirtAdapter libvirt = adapter(Duration.ofSeconds(20), Duration.ofSeconds(30));
    TeeMonitor monitor = new TeeMonitor(libvirt.eventMonitor());
    List<String> commands = new CopyOnWriteArrayList<>();
    Topology topology =
        Topology.of(
            List.of(Host.builder("h1").capacity(2, 2048).build()), List.of(VM_SPEC), List.of());
    HaController controller =
        HaController.builder()
            .topology(topology)
            .hypervisor(libvirt.hypervisor())
            .monitor(monitor)
            .inMemoryState()
            .inventoryInterval(Duration.ofSeconds(2))
            .timeouts(
                new Timeouts(
                    Duration.ofSeconds(20), Duration.ofSeconds(30), 2, Duration.ofSeconds(1)))
            .listener(
                new ControllerListener() {
                  @Override
                  public void onCommand(Command command) {
                    commands.add(command.getClass().getSimpleName());
                  }
                })
            .build();
    try {
      controller.start();
      RecordingSink seen = monitor.copy();
      assertThat(
              seen.awaitObservations(
                  o -> o.subject().equals(VM) && o.status() == ObservedStatus.UP,
                  1,
                  Duration.ofSeconds(20)))
          .as("the monitor reports the running guest UP")
          .isTrue();
      await(
          Duration.ofSeconds(20),
          () ->
              controller
                  .status()
                  .of(VM)
                  .map(s -> s.health() == Health.UP && s.location().equals(Optional.of(H1)))
                  .orElse(false),
          "the controller sees the VM UP on h1");
      int bootsBefore = boots();
      long pid = Guest.qemuPid(DOMAIN);
      long kill = System.nanoTime();
      assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue();

      assertThat(
              seen.awaitObservations(
                  o ->
                      o.subject().equals(VM)
                          && o.status() == ObservedStatus.UNREACHABLE
                          && o.authoritative()
                          && o.detail().contains("libvirt event STOPPED (FAILED)"),
                  1,
                  Duration.ofSeconds(10)))
          .as("the crash reported by the event monitor; saw %s", seen.observationsOf(VM))
          .isTrue();
      Duration reported = Libvirtd.since(kill);

      LibvirtHypervisor probe = libvirt.hypervisor();
      await(
          Duration.ofSeconds(60),
          () ->
              Guest.qemuPidOrZero(DOMAIN) != pid
                  && state(probe).equals(Optional.of(PowerState.RUNNING)),
          "the guest running again");
      Duration running = Libvirtd.since(kill);
      await(Duration.ofSeconds(90), () -> boots() > bootsBefore, "the boot marker again");
      Duration booted = Libvirtd.since(kill);
      assertThat(commands).contains("PowerCycleVm");
      System.out.printf(
          "[libvirt IT] kill -9 qemu -> crash observed %d ms, -> running %d ms, -> booted %d ms"
              + " (commands: %s)%n",
          reported.toMillis(), running.toMillis(), booted.toMillis(), commands);
    } finally {
      controller.close();
    }
  }

  @Test
  @Order(3)
  void aFrozenLibvirtdGivesTimeoutsNotHangsAndTheAdapterRecovers() throws Exception {
    LibvirtHypervisor hypervisor =
        adapter(Duration.ofSeconds(3), Duration.ofSeconds(1)).hypervisor();
    try {
      hypervisor.start();
      await(Duration.ofSeconds(30), () -> hypervisor.startVm(VM_SPEC, H1).succeeded(), "running");
      assertThat(hypervisor.inventory(H1)).isInstanceOf(InventoryResult.Listed.class);
      lab.libvirtd().signal("STOP");
      long t0;
      InventoryResult frozen;
      RunningCheck check;
      try {
        t0 = System.nanoTime();
        frozen = hypervisor.inventory(H1);
        // Read-only on purpose: a request libvirtd has received is carried out when it thaws,
        // even though the adapter gave up on it (a timed-out stop would destroy the VM late).
        check = hypervisor.isRunningOn(VM, H1);
      } finally {
        lab.libvirtd().signal("CONT");
      }
      Duration took = Libvirtd.since(t0);
      assertThat(frozen).isInstanceOf(InventoryResult.Unreachable.class);
      assertThat(((InventoryResult.Unreachable) frozen).reason())
          .contains("timed out after 3000 ms");
      assertThat(check).isInstanceOf(RunningCheck.Unknown.class);
      assertThat(took).isLessThan(Duration.ofSeconds(10));
      await(
          Duration.ofSeconds(20),
          () -> hypervisor.inventory(H1) instanceof InventoryResult.Listed,
          "answers again");
      await(Duration.ofSeconds(20), () -> hypervisor.stuckCalls() == 0, "stuck calls returned");
      assertThat(state(hypervisor)).contains(PowerState.RUNNING);
      System.out.printf(
          "[libvirt IT] two calls to a frozen libvirtd gave up after %d ms%n", took.toMillis());
    } finally {
      hypervisor.close();
    }
  }

  @Test
  @Order(4)
  void aDeadLibvirtdIsReportedAndTheConnectionReopenedWhenItReturns() throws Exception {
    LibvirtAdapter libvirt = adapter();
    LibvirtHypervisor hypervisor = libvirt.hypervisor();
    LibvirtEventMonitor monitor = libvirt.eventMonitor();
    RecordingSink sink = new RecordingSink();
    try {
      hypervisor.start();
      assertThat(hypervisor.startVm(VM_SPEC, H1).succeeded()).isTrue();
      monitor.start(sink);
      assertThat(
              sink.awaitObservations(
                  o -> o.subject().equals(H1) && o.status() == ObservedStatus.UP,
                  1,
                  Duration.ofSeconds(10)))
          .isTrue();
      long t0 = System.nanoTime();
      lab.libvirtd().stop();
      assertThat(sink.awaitStatus(s -> !s.available(), Duration.ofSeconds(20)))
          .as("source lost; statuses %s", sink.statuses())
          .isTrue();
      Duration lost = Libvirtd.since(t0);
      assertThat(sink.observationsOf(H1)).anyMatch(o -> o.status() == ObservedStatus.UNREACHABLE);
      assertThat(hypervisor.inventory(H1)).isInstanceOf(InventoryResult.Unreachable.class);

      long t1 = System.nanoTime();
      lab.libvirtd().start();
      Duration daemonUp = Libvirtd.since(t1);
      assertThat(sink.awaitStatus(s -> s.available(), Duration.ofSeconds(20)))
          .as("source restored; statuses %s", sink.statuses())
          .isTrue();
      Duration back = Libvirtd.since(t1);
      assertThat(state(hypervisor)).as("QEMU outlived libvirtd").contains(PowerState.RUNNING);
      System.out.printf(
          "[libvirt IT] libvirtd stopped -> source lost reported %d ms; restarted -> socket up %d"
              + " ms, reconnected %d ms%n",
          lost.toMillis(), daemonUp.toMillis(), back.toMillis());
    } finally {
      monitor.close();
      hypervisor.close();
    }
  }

  private static Optional<PowerState> state(LibvirtHypervisor h) {
    InventoryResult r = h.inventory(H1);
    return r instanceof InventoryResult.Listed l ? l.stateOf(VM) : Optional.empty();
  }

  private static int boots() {
    try {
      return Guest.boots(lab.console());
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  private static void await(Duration timeout, BooleanSupplier done, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }
}
