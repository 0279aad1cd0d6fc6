package org.relaxha.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.testkit.contract.HypervisorContract;

/** The simulated hypervisor passes the Hypervisor SPI's conformance kit, with every capability. */
class SimHypervisorTest extends HypervisorContract {
  private SimWorld world;

  @Override
  protected Hypervisor createHypervisor() {
    world = Worlds.threeHosts();
    return new SimHypervisor(world);
  }

  @Override
  protected HostId firstHost() {
    return Worlds.H1;
  }

  @Override
  protected Vm runningVm() {
    return Worlds.RUNNING;
  }

  @Override
  protected Vm stoppedVm() {
    return Worlds.STOPPED;
  }

  @Override
  protected HostId secondHost() {
    return Worlds.H2;
  }

  @Override
  protected HostId unreachableHost() {
    return Worlds.H3;
  }

  @Test
  void aStartIsRunningAtOnceAndAnswersAfterItsBoot() {
    hypervisor().startVm(Worlds.STOPPED, Worlds.H2);
    assertThat(world.runningHosts(Worlds.STOPPED.id())).contains(Worlds.H2);
    assertThat(world.isAlive(Worlds.STOPPED.id())).isFalse();
    world.time().advance(Duration.ofSeconds(31));
    assertThat(world.isAlive(Worlds.STOPPED.id())).isTrue();
  }

  @Test
  void aDamagedDiskImageRefusesEveryStartUntilAReinstall() {
    world.crash(Worlds.RUNNING.id(), true);
    assertThat(hypervisor().powerCycleVm(Worlds.RUNNING, Worlds.H1))
        .isInstanceOf(ActionResult.Failed.class);
    assertThat(hypervisor().startVm(Worlds.RUNNING, Worlds.H2))
        .isInstanceOf(ActionResult.Failed.class);
    assertThat(new SimProvisioner(world).reinstall(Worlds.RUNNING, Worlds.H1).succeeded()).isTrue();
    world.time().advance(Duration.ofMinutes(9));
    assertThat(world.aliveOn(Worlds.RUNNING.id())).contains(Worlds.H1);
  }

  @Test
  void aHungGuestIgnoresAcpiButNotAPowerCycle() {
    world.hang(Worlds.RUNNING.id(), true);
    assertThat(hypervisor().rebootVm(Worlds.RUNNING.id(), Worlds.H1))
        .isInstanceOf(ActionResult.Unreachable.class);
    assertThat(hypervisor().powerCycleVm(Worlds.RUNNING, Worlds.H1).succeeded()).isTrue();
  }

  @Test
  void startingAVmThatRunsElsewhereIsReportedAsABrokenInvariant() {
    hypervisor().startVm(Worlds.RUNNING, Worlds.H2);
    assertThat(world.violations())
        .extracting(v -> v.invariant())
        .contains("start on an unfenced host's behalf", "VM runs on two hosts");
  }
}
