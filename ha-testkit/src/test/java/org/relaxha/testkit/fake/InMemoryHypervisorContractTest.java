package org.relaxha.testkit.fake;

import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.testkit.ManualClock;
import org.relaxha.testkit.contract.HypervisorContract;

class InMemoryHypervisorContractTest extends HypervisorContract {
  private static final Vm WEB = Vm.builder("web-1").build();
  private static final Vm DB = Vm.builder("db-1").build();

  @Override
  protected Hypervisor createHypervisor() {
    InMemoryHypervisor hv =
        new InMemoryHypervisor("mem", ManualClock.atOddInstant())
            .addHosts("h1", "h2", "h3")
            .define(WEB.id(), firstHost(), PowerState.RUNNING)
            .define(DB.id(), firstHost(), PowerState.SHUT_OFF);
    hv.setReachable(unreachableHost(), false);
    return hv;
  }

  @Override
  protected HostId firstHost() {
    return HostId.of("h1");
  }

  @Override
  protected HostId secondHost() {
    return HostId.of("h2");
  }

  @Override
  protected HostId unreachableHost() {
    return HostId.of("h3");
  }

  @Override
  protected Vm runningVm() {
    return WEB;
  }

  @Override
  protected Vm stoppedVm() {
    return DB;
  }
}
