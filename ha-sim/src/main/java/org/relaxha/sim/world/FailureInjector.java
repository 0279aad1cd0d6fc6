package org.relaxha.sim.world;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.relaxha.sim.Failure;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;

/**
 * Injects a scenario's failures into a {@link SimWorld} at their instants, and repairs what lasts
 * only {@code for} a while. A controller restart is handed to the simulation, which owns the
 * controller.
 *
 * <p>Confined to the simulation's thread.
 */
public final class FailureInjector {
  private final SimWorld world;
  private final Consumer<Failure> controllerRestart;
  private final java.util.Set<SubjectId> flapping = new java.util.TreeSet<>();
  private boolean healed;

  public FailureInjector(SimWorld world, Consumer<Failure> controllerRestart) {
    this.world = world;
    this.controllerRestart = controllerRestart;
  }

  /** Schedules every failure, relative to {@code start}. */
  public void schedule(Instant start, List<Failure> failures) {
    for (Failure f : failures) {
      world.time().at(start.plus(f.at()), () -> apply(f));
    }
  }

  /** Applies one failure now. */
  public void apply(Failure f) {
    if (healed) {
      return;
    }
    SubjectId target = f.target().orElse(null);
    Instant until = f.lasting().map(d -> world.now().plus(d)).orElse(Instant.MAX);
    switch (f.kind()) {
      case SERVICE_CRASH -> world.service((ServiceId) target, true);
      case VM_CRASH -> world.crash((VmId) target, false);
      case VM_HANG -> world.hang((VmId) target, true);
      case DESTRUCTIVE_CRASH -> world.crash((VmId) target, true);
      case HOST_POWER_LOSS -> {
        world.powerOff((HostId) target);
        f.lasting().ifPresent(d -> later(d, () -> world.powerOn((HostId) target)));
      }
      case HOST_ISOLATION -> {
        world.network((HostId) target, false);
        f.lasting().ifPresent(d -> later(d, () -> repair((HostId) target)));
      }
      case FLAPPING -> {
        flapping.add(target);
        flap(target, true, until, f.period());
      }
      case FENCE_FAILS -> world.fencing().fail((HostId) target, until);
      case FENCE_SLOW -> world.fencing().slow((HostId) target, f.latency(), until);
      case CONTROLLER_RESTART -> controllerRestart.accept(f);
    }
  }

  private void repair(HostId host) {
    world.network(host, true);
    world.powerOn(host);
  }

  private void later(Duration d, Runnable r) {
    world
        .time()
        .at(
            world.now().plus(d),
            () -> {
              if (!healed) {
                r.run();
              }
            });
  }

  /** One change of a flapping subject: down if {@code down}, then the opposite after a period. */
  private void flap(SubjectId target, boolean down, Instant until, Duration period) {
    if (healed) {
      return;
    }
    boolean goDown = down && world.now().isBefore(until);
    if (target instanceof HostId h) {
      world.network(h, !goDown);
    } else if (target instanceof VmId vm) {
      world.hang(vm, goDown);
    } else {
      world.service((ServiceId) target, goDown);
    }
    if (world.now().isBefore(until)) {
      world.time().at(world.now().plus(period), () -> flap(target, !down, until, period));
    }
  }

  /**
   * Ends every failure that a repair can end: hosts get power and network back, fencing works,
   * flapping stops in the up state. Crashed, hung and damaged VMs stay as they are: recovering them
   * is the controller's job.
   */
  public void heal() {
    healed = true;
    for (HostId h : world.hostIds()) {
      repair(h);
    }
    world.fencing().clear();
    for (SubjectId s : flapping) {
      if (s instanceof VmId vm) {
        world.hang(vm, false);
      } else if (s instanceof ServiceId svc) {
        world.service(svc, false);
      }
    }
  }
}
