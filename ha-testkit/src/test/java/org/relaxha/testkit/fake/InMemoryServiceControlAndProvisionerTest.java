package org.relaxha.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.Vm;
import org.relaxha.testkit.ManualClock;

class InMemoryServiceControlAndProvisionerTest {
  private static final HostId H1 = HostId.of("h1");
  private static final Vm WEB = Vm.builder("web-1").reinstallAllowed(true).build();
  private static final Service HTTPD = Service.of("web-1", "httpd");
  private final ManualClock clock = ManualClock.atOddInstant();
  private final InMemoryHypervisor hv =
      new InMemoryHypervisor("mem", clock).addHosts("h1").define(WEB.id(), H1, PowerState.RUNNING);

  @Test
  void serviceControlFollowsItsScriptsAndTheHypervisor() {
    InMemoryServiceControl ssh =
        new InMemoryServiceControl("ssh", clock)
            .linkedTo(hv)
            .scriptRestart(HTTPD.id(), ActionResult.failed("exit 1"), ActionResult.done("ok"));
    assertThat(ssh.covers(WEB)).isTrue();
    assertThat(ssh.restartService(WEB, HTTPD).succeeded()).isFalse();
    assertThat(ssh.restartService(WEB, HTTPD).succeeded()).isTrue();
    assertThat(ssh.restartService(WEB, HTTPD).succeeded()).isTrue();
    assertThat(ssh.restartCount(HTTPD.id())).isEqualTo(3);
    assertThat(ssh.rebootGuest(WEB).succeeded()).isTrue();
    hv.crashVm(WEB.id(), H1);
    assertThat(ssh.rebootGuest(WEB)).isInstanceOf(ActionResult.Unreachable.class);
    assertThat(ssh.rebootCount(WEB.id())).isEqualTo(2);
    ssh.setCovered(WEB.id(), false);
    assertThat(ssh.covers(WEB)).isFalse();
  }

  @Test
  void aLinkedProvisionerRestartsTheReinstalledVm() {
    hv.start();
    hv.crashVm(WEB.id(), H1);
    InMemoryProvisioner pxe =
        new InMemoryProvisioner("pxe", clock)
            .linkedTo(hv)
            .script(WEB.id(), ActionResult.retryable("tftp busy"), ActionResult.done("ok"));
    assertThat(pxe.reinstall(WEB, H1).succeeded()).isFalse();
    assertThat(hv.startCount(WEB.id())).isZero();
    assertThat(pxe.reinstall(WEB, H1).succeeded()).isTrue();
    assertThat(hv.stateOf(WEB.id(), H1)).contains(PowerState.RUNNING);
    assertThat(hv.startCount(WEB.id())).isEqualTo(1);
    assertThat(pxe.reinstallCount(WEB.id())).isEqualTo(2);
  }
}
