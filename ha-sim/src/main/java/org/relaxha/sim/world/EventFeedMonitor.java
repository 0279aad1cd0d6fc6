package org.relaxha.sim.world;

import java.time.Instant;
import java.util.Set;
import org.relaxha.sim.MonitorSpec;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;

/**
 * A hypervisor event feed over a {@link SimWorld} ({@link MonitorSpec.Events}), with near-zero lag:
 * a VM crashed (authoritative, the guest unreachable), a guest finished booting, the connection to
 * a host was lost or came back. It covers nothing, so its silence counts for nothing: a hung guest,
 * which the hypervisor still shows running, goes unseen.
 *
 * <p>Confined to the simulation's thread, like its world.
 */
public final class EventFeedMonitor extends SimMonitor implements WorldListener {

  public EventFeedMonitor(SimWorld world, MonitorSpec.Events spec) {
    super(world, spec.name(), spec.latency(), Set.of());
  }

  @Override
  void started() {
    world.addListener(this);
  }

  @Override
  public void onCrash(VmId vm, HostId host, Instant at) {
    deliver(
        Observation.of(vm, ObservedStatus.UNREACHABLE, at, name(), "domain crashed on " + host)
            .asAuthoritative());
  }

  @Override
  public void onGuestUp(VmId vm, HostId host, Instant at) {
    if (world.hostAnswers(host)) {
      deliver(Observation.of(vm, ObservedStatus.UP, at, name(), "guest agent up on " + host));
    }
  }

  @Override
  public void onLiveness(SubjectId subject, boolean alive, Instant at) {
    if (subject instanceof HostId) {
      deliver(
          alive
              ? Observation.of(subject, ObservedStatus.UP, at, name(), "connection restored")
              : Observation.of(
                  subject, ObservedStatus.UNREACHABLE, at, name(), "connection to the host lost"));
    }
  }
}
