package org.relaxha.sim.world;

import java.time.Duration;
import org.relaxha.sim.GuestModel;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.service.ServiceControl;

/**
 * The {@link ServiceControl} SPI over a {@link SimWorld}: SSH into guests that are up and reachable
 * (restart a service, reboot from inside). A guest that hangs, boots or runs on a host that does
 * not answer cannot be reached.
 *
 * <p>Confined to the simulation's thread, like its world.
 */
public final class SimGuestControl implements ServiceControl {
  private static final Duration SSH = Duration.ofMillis(300);
  private static final Duration SSH_TIMEOUT = Duration.ofSeconds(10);

  private final SimWorld world;
  private final GuestModel model;

  public SimGuestControl(SimWorld world) {
    this.world = world;
    this.model = world.scenario().guests();
  }

  @Override
  public String name() {
    return "ssh";
  }

  @Override
  public boolean covers(Vm vm) {
    return model.ssh() && world.scenario().topology().vms().containsKey(vm.id());
  }

  @Override
  public ActionResult restartService(Vm vm, Service service) {
    Duration takes = world.sample(model.serviceRestart(), "service-restart:" + service.id());
    ActionResult r = world.restartService(service.id(), takes);
    world.costs().charge(r.succeeded() ? SSH.plus(takes) : SSH_TIMEOUT);
    return r;
  }

  @Override
  public ActionResult rebootGuest(Vm vm) {
    ActionResult r = world.guestReboot(vm.id());
    world.costs().charge(r.succeeded() ? SSH : SSH_TIMEOUT);
    return r;
  }
}
