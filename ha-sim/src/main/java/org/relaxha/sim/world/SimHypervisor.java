package org.relaxha.sim.world;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.relaxha.sim.HypervisorModel;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.hypervisor.InventoryResult;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;

/**
 * The {@link Hypervisor} SPI over a {@link SimWorld}: every host of the world, with the latencies
 * of the scenario's {@link HypervisorModel} (a call to a host that does not answer hangs for {@code
 * unreachableLatency}, then fails). Reboot is ACPI: a guest that does not answer ignores it.
 *
 * <p>Confined to the simulation's thread, like its world.
 */
public final class SimHypervisor implements Hypervisor {
  private final SimWorld world;
  private final HypervisorModel model;

  public SimHypervisor(SimWorld world) {
    this.world = world;
    this.model = world.scenario().hypervisor();
  }

  @Override
  public String name() {
    return "sim-hypervisor";
  }

  @Override
  public Set<HostId> hosts() {
    return new TreeSet<>(world.hostIds());
  }

  @Override
  public void start() {}

  @Override
  public InventoryResult inventory(HostId host) {
    charge(host);
    return world.inventory(host);
  }

  @Override
  public ActionResult startVm(Vm vm, HostId host) {
    charge(host);
    return world.start(vm.id(), host);
  }

  @Override
  public ActionResult stopVm(VmId vm, HostId host) {
    charge(host);
    return world.stop(vm, host);
  }

  @Override
  public ActionResult rebootVm(VmId vm, HostId host) {
    charge(host);
    return world.acpiReboot(vm, host);
  }

  @Override
  public ActionResult powerCycleVm(Vm vm, HostId host) {
    charge(host);
    return world.powerCycle(vm.id(), host);
  }

  private void charge(HostId host) {
    Duration d =
        world.hostAnswers(host)
            ? world.sample(model.callLatency(), "hypervisor-call")
            : model.unreachableLatency();
    world.costs().charge(d);
  }

  @Override
  public void close() {}
}
