package org.relaxha.xen;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.contract.HypervisorContract;

/**
 * The Hypervisor conformance kit against libvirt's in-process test driver: two simulated hosts (one
 * node XML each) and a third whose libvirtd does not run. Every capability is declared.
 */
class LibvirtHypervisorContractTest extends HypervisorContract {
  @TempDir Path dir;

  @Override
  protected Hypervisor createHypervisor() {
    return new LibvirtAdapter(TestDriverHosts.config(dir).build()).hypervisor();
  }

  @Override
  protected HostId firstHost() {
    return HostId.of("h-a");
  }

  @Override
  protected HostId secondHost() {
    return HostId.of("h-b");
  }

  @Override
  protected HostId unreachableHost() {
    return HostId.of("h-down");
  }

  @Override
  protected Vm runningVm() {
    return Vm.builder("vm-a").build();
  }

  @Override
  protected Vm stoppedVm() {
    return Vm.builder("vm-b").build();
  }

  @Override
  protected Map<VmId, PowerState> expectedStates() {
    return Map.of(
        VmId.of("vm-a"), PowerState.RUNNING,
        VmId.of("vm-b"), PowerState.SHUT_OFF,
        VmId.of("vm-c"), PowerState.PAUSED);
  }
}
