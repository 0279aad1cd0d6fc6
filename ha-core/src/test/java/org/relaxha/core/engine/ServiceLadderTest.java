package org.relaxha.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.VmId;

class ServiceLadderTest {
  private static final ServiceId HTTPD = ServiceId.of("web", "httpd");
  private static final VmId WEB = VmId.of("web");
  private EngineHarness h;

  @BeforeEach
  void setUp() {
    h = new EngineHarness(Fixtures.withService(), Fixtures.policy());
    h.allUp();
  }

  @Test
  void serviceIsRestartedAndStabilizes() {
    h.health(HTTPD, Health.DOWN);
    Command.RestartService r = h.last(Command.RestartService.class);
    assertThat(r.service()).isEqualTo(HTTPD);
    h.done(r);
    h.health(HTTPD, Health.UP);
    assertThat(h.state.service(HTTPD).phase()).isEqualTo(ServicePhase.STABILIZING);
    h.advance(Duration.ofMinutes(10));
    assertThat(h.state.service(HTTPD).phase()).isEqualTo(ServicePhase.HEALTHY);
    assertThat(h.state.service(HTTPD).attempts()).isZero();
  }

  @Test
  void exhaustedRestartsEscalateToTheVmLadderWhichWaitsForTheService() {
    h.health(HTTPD, Health.DOWN);
    for (int i = 0; i < 3; i++) {
      h.done(h.last(Command.RestartService.class));
      h.advance(Duration.ofMinutes(1));
    }
    assertThat(h.allOf(Command.RestartService.class)).hasSize(3);
    assertThat(h.state.service(HTTPD).phase()).isEqualTo(ServicePhase.ESCALATED);
    Command.RebootVm reboot = h.last(Command.RebootVm.class);
    assertThat(reboot.vm()).isEqualTo(WEB);
    assertThat(h.vm("web").cause()).isEqualTo(Cause.SERVICE_DOWN);
    h.done(reboot);
    h.health(HTTPD, Health.UP);
    assertThat(h.vm("web").phase()).isEqualTo(VmPhase.STABILIZING);
    assertThat(h.state.service(HTTPD).phase()).isEqualTo(ServicePhase.STABILIZING);
  }

  @Test
  void unreachableGuestEscalatesAtOnceSkippingTheReboot() {
    h.health(HTTPD, Health.DOWN);
    h.complete(h.last(Command.RestartService.class), ActionResult.unreachable("ssh timed out"));
    assertThat(h.allOf(Command.RebootVm.class)).isEmpty();
    assertThat(h.last(Command.PowerCycleVm.class).vm()).isEqualTo(WEB);
  }

  @Test
  void anEscalatedServiceIsRestartedAgainWhenItsVmCameBackAnotherWay() {
    h.health(HTTPD, Health.DOWN);
    h.complete(h.last(Command.RestartService.class), ActionResult.unreachable("ssh timed out"));
    assertThat(h.state.service(HTTPD).phase()).isEqualTo(ServicePhase.ESCALATED);
    HostId h1 = HostId.of("h1");
    h.health(h1, Health.DOWN);
    h.fenced(h.last(Command.FenceHost.class));
    h.placed(h.last(Command.PlaceVms.class));
    h.done(h.last(Command.StartVm.class));
    h.health(WEB, Health.UP);
    assertThat(h.vm("web").phase()).isEqualTo(VmPhase.STABILIZING);
    h.fresh();
    h.health(HTTPD, Health.DOWN);
    assertThat(h.state.service(HTTPD).phase())
        .as("its VM was moved by a host failure and is up; the service still has restarts left")
        .isEqualTo(ServicePhase.RESTARTING);
    assertThat(h.freshActions()).singleElement().isInstanceOf(Command.RestartService.class);
  }

  @Test
  void serviceAlarmsAreHeldWhileItsVmIsDown() {
    h.health(WEB, Health.DOWN);
    h.fresh();
    h.health(HTTPD, Health.DOWN);
    assertThat(h.freshActions()).isEmpty();
    assertThat(h.state.service(HTTPD).phase()).isEqualTo(ServicePhase.HEALTHY);
  }
}
