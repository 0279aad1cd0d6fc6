package org.relaxha.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.spi.hypervisor.InventoryResult;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;

/** The adapter's own behaviour beyond the kit, on the in-process test driver. */
class LibvirtHypervisorTest {
  private static final HostId A = HostId.of("h-a");
  private static final HostId B = HostId.of("h-b");
  private static final HostId DOWN = HostId.of("h-down");

  @TempDir Path dir;
  private LibvirtHypervisor hypervisor;

  private LibvirtHypervisor start(LibvirtConfig.Builder config) {
    hypervisor = new LibvirtAdapter(config.build()).hypervisor();
    hypervisor.start();
    return hypervisor;
  }

  @AfterEach
  void close() {
    if (hypervisor != null) {
      hypervisor.close();
    }
  }

  @Test
  void isRunningOnIsPreciseAboutPausedOffUnknownAndUnreachable() {
    start(TestDriverHosts.config(dir));
    assertThat(hypervisor.isRunningOn(VmId.of("vm-a"), A))
        .isEqualTo(new RunningCheck.Running(A, VmId.of("vm-a"), PowerState.RUNNING));
    assertThat(hypervisor.isRunningOn(VmId.of("vm-c"), A))
        .isEqualTo(new RunningCheck.Running(A, VmId.of("vm-c"), PowerState.PAUSED));
    assertThat(hypervisor.isRunningOn(VmId.of("vm-b"), A).provenNotRunning()).isTrue();
    assertThat(hypervisor.isRunningOn(VmId.of("vm-a"), B))
        .isEqualTo(new RunningCheck.NotRunning(B, VmId.of("vm-a"), Optional.empty()));
    RunningCheck unknown = hypervisor.isRunningOn(VmId.of("vm-a"), DOWN);
    assertThat(unknown).isInstanceOf(RunningCheck.Unknown.class);
    assertThat(unknown.provenNotRunning()).isFalse();
    assertThat(((RunningCheck.Unknown) unknown).reason()).contains("h-down");
  }

  @Test
  void startOfAPausedVmResumesIt() {
    start(TestDriverHosts.config(dir));
    ActionResult r = hypervisor.startVm(Vm.builder("vm-c").build(), A);
    assertThat(r.succeeded()).isTrue();
    assertThat(r.detail()).contains("resumed");
    assertThat(listed(A).stateOf(VmId.of("vm-c"))).contains(PowerState.RUNNING);
  }

  @Test
  void theDomainXmlDirectoryWinsOverAnotherHostsDefinition() throws Exception {
    Path xmlDir = Files.createDirectories(dir.resolve("domains"));
    Files.writeString(
        xmlDir.resolve("vm-b.xml"),
        TestDriverHosts.domain("vm-b", "44444444-4444-4444-4444-444444444444", -1)
            .replace(" xmlns:test='http://libvirt.org/schemas/domain/test/1.0'", ""));
    start(TestDriverHosts.config(dir).domainXmlDirectory(xmlDir));
    ActionResult r = hypervisor.startVm(Vm.builder("vm-b").build(), B);
    assertThat(r.succeeded()).as("%s", r).isTrue();
    assertThat(r.detail()).contains("defined from file " + xmlDir.resolve("vm-b.xml"));
    assertThat(listed(B).stateOf(VmId.of("vm-b"))).contains(PowerState.RUNNING);
  }

  @Test
  void withoutAFileTheDefinitionIsCopiedFromAnotherHost() {
    start(TestDriverHosts.config(dir).domainXmlDirectory(dir));
    ActionResult r = hypervisor.startVm(Vm.builder("vm-b").build(), B);
    assertThat(r.detail()).contains("defined from the definition on h-a");
  }

  @Test
  void aVmDefinedNowhereFailsNamingWhereItLooked() {
    start(TestDriverHosts.config(dir).domainXmlDirectory(dir));
    ActionResult r = hypervisor.startVm(Vm.builder("vm-z").build(), B);
    assertThat(r).isInstanceOf(ActionResult.Failed.class);
    assertThat(r.detail())
        .contains("vm-z is not defined on h-b")
        .contains("no file " + dir.resolve("vm-z.xml"))
        .contains("not defined on h-a")
        .contains("h-down did not answer");
  }

  @Test
  void aBrokenDomainXmlFailsWithLibvirtsCodeHostAndVm() throws Exception {
    Files.writeString(dir.resolve("vm-y.xml"), "<domain type='test'><name>vm-y</name>");
    start(TestDriverHosts.config(dir).domainXmlDirectory(dir));
    ActionResult r = hypervisor.startVm(Vm.builder("vm-y").build(), A);
    assertThat(r).isInstanceOf(ActionResult.Failed.class);
    assertThat(r.detail()).contains("libvirt on h-a, vm vm-y: VIR_ERR_XML_DETAIL (35)");
  }

  @Test
  void migrationThatTheDriverRefusesIsAFailureWithTheCode() {
    start(TestDriverHosts.config(dir));
    ActionResult r = hypervisor.migrateVm(VmId.of("vm-a"), A, B);
    assertThat(r).isInstanceOf(ActionResult.Failed.class);
    assertThat(r.detail()).contains("libvirt on h-a, vm vm-a: VIR_ERR_");
    assertThat(hypervisor.migrateVm(VmId.of("vm-a"), A, DOWN))
        .isInstanceOf(ActionResult.Unreachable.class);
  }

  @Test
  void shutdownAsksTheGuestAndAnOffGuestCannotBeAsked() {
    start(TestDriverHosts.config(dir));
    assertThat(hypervisor.shutdownVm(VmId.of("vm-a"), A).succeeded()).isTrue();
    assertThat(hypervisor.rebootVm(VmId.of("vm-b"), A))
        .isInstanceOf(ActionResult.Unreachable.class);
    assertThat(hypervisor.rebootVm(VmId.of("vm-z"), A)).isInstanceOf(ActionResult.Failed.class);
  }

  @Test
  void domainNamesCanBeMapped() {
    start(TestDriverHosts.config(dir).domain("web-1", "vm-a"));
    InventoryResult.Listed listed = listed(A);
    assertThat(listed.stateOf(VmId.of("web-1"))).contains(PowerState.RUNNING);
    assertThat(listed.stateOf(VmId.of("vm-a"))).isEmpty();
    assertThat(hypervisor.stopVm(VmId.of("web-1"), A).succeeded()).isTrue();
    assertThat(listed(A).stateOf(VmId.of("web-1"))).contains(PowerState.SHUT_OFF);
  }

  @Test
  void anUnknownDriverAndAMissingDaemonAreUnreachableWithLibvirtsCode() {
    start(
        LibvirtConfig.builder()
            .host("bogus", "bogus:///nowhere")
            .host("nodaemon", TestDriverHosts.NO_DAEMON)
            .connectTimeout(Duration.ofSeconds(5)));
    InventoryResult bogus = hypervisor.inventory(HostId.of("bogus"));
    assertThat(bogus).isInstanceOf(InventoryResult.Unreachable.class);
    assertThat(((InventoryResult.Unreachable) bogus).reason()).contains("VIR_ERR_");
    InventoryResult none = hypervisor.inventory(HostId.of("nodaemon"));
    assertThat(((InventoryResult.Unreachable) none).reason())
        .contains("VIR_ERR_SYSTEM_ERROR")
        .contains("/nonexistent/relaxha/libvirt-sock");
    assertThat(hypervisor.startVm(Vm.builder("x").build(), HostId.of("nodaemon")))
        .isInstanceOf(ActionResult.Unreachable.class);
  }

  @Test
  void aHostItDoesNotManageIsUnreachableNotAnException() {
    start(TestDriverHosts.config(dir));
    InventoryResult r = hypervisor.inventory(HostId.of("elsewhere"));
    assertThat(((InventoryResult.Unreachable) r).reason()).contains("not managed");
  }

  @Test
  void closeStopsTheAdaptersThreads() {
    start(TestDriverHosts.config(dir));
    listed(A);
    hypervisor.close();
    assertThat(
            Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("relaxha-libvirt")))
        .isEmpty();
    assertThat(hypervisor.inventory(A)).isInstanceOf(InventoryResult.Unreachable.class);
  }

  private InventoryResult.Listed listed(HostId host) {
    InventoryResult r = hypervisor.inventory(host);
    assertThat(r).isInstanceOf(InventoryResult.Listed.class);
    return (InventoryResult.Listed) r;
  }
}
