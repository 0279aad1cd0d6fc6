package org.relaxha.testkit.file;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.spi.fencing.Fencer;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.contract.FencerContract;

class FileBackedFencerContractTest extends FencerContract {
  @TempDir Path dir;
  private FileBackedWorld world;

  @Override
  protected Fencer createFencer() {
    world = FileBackedWorld.create(dir).addHosts("h1");
    world.defineVm(VmId.of("web-1"), fenceableHost().id(), PowerState.RUNNING);
    return new FileBackedFencer(world, "file-fence");
  }

  @Override
  protected Host fenceableHost() {
    return Host.builder("h1").build();
  }

  @Override
  protected boolean isPoweredOff(Host host) {
    return !world.state().host(host.id()).orElseThrow().poweredOn()
        && world.state().runningHostsOf(VmId.of("web-1")).isEmpty();
  }
}
