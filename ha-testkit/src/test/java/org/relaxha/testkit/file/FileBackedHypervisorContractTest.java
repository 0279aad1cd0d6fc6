package org.relaxha.testkit.file;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.testkit.contract.HypervisorContract;

class FileBackedHypervisorContractTest extends HypervisorContract {
  private static final Vm WEB = Vm.builder("web-1").build();
  private static final Vm DB = Vm.builder("db-1").build();

  @TempDir Path dir;

  @Override
  protected Hypervisor createHypervisor() {
    FileBackedWorld world =
        FileBackedWorld.create(dir)
            .addHosts("h1", "h2", "h3")
            .defineVm(WEB.id(), firstHost(), PowerState.RUNNING)
            .defineVm(DB.id(), firstHost(), PowerState.SHUT_OFF);
    world.isolateHost(unreachableHost());
    return new FileBackedHypervisor(world, "file-hv");
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
