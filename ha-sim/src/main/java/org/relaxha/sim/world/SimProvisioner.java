package org.relaxha.sim.world;

import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.provision.Provisioner;

/**
 * The {@link Provisioner} SPI over a {@link SimWorld}: a PXE reinstall that wipes the VM (repairing
 * a damaged disk image) and brings its guest up after the VM's reinstall time.
 *
 * <p>Confined to the simulation's thread, like its world.
 */
public final class SimProvisioner implements Provisioner {
  private final SimWorld world;

  public SimProvisioner(SimWorld world) {
    this.world = world;
  }

  @Override
  public String name() {
    return "pxe";
  }

  @Override
  public ActionResult reinstall(Vm vm, HostId host) {
    world
        .costs()
        .charge(
            world.hostAnswers(host)
                ? world.sample(world.scenario().hypervisor().callLatency(), "hypervisor-call")
                : world.scenario().hypervisor().unreachableLatency());
    return world.reinstall(vm.id(), host);
  }
}
