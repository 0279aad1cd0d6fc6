package org.relaxha.testkit.fake;

import org.relaxha.spi.fencing.Fencer;
import org.relaxha.spi.model.Host;
import org.relaxha.testkit.ManualClock;
import org.relaxha.testkit.contract.FencerContract;

class InMemoryFencerContractTest extends FencerContract {
  private final InMemoryHypervisor hypervisor =
      new InMemoryHypervisor("mem", ManualClock.atOddInstant()).addHosts("h1");

  @Override
  protected Fencer createFencer() {
    return new InMemoryFencer("mem-fencer").poweringOff(hypervisor);
  }

  @Override
  protected Host fenceableHost() {
    return Host.builder("h1").build();
  }

  @Override
  protected boolean isPoweredOff(Host host) {
    return !hypervisor.isPoweredOn(host.id());
  }
}
