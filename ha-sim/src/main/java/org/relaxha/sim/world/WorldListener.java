package org.relaxha.sim.world;

import java.time.Instant;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;

/**
 * Follows the ground truth of a {@link SimWorld}: simulated monitors, the lab's timelines and the
 * invariant checks listen to it. Called on the simulation's thread, inside the world's changes.
 */
public interface WorldListener {
  /**
   * A subject became alive or stopped being alive as the monitoring network sees it: a host that
   * answers; a VM whose guest runs and answers on a host that answers; a service running in such a
   * VM.
   */
  default void onLiveness(SubjectId subject, boolean alive, Instant at) {}

  /** The hypervisor of {@code host} saw {@code vm} crash. */
  default void onCrash(VmId vm, HostId host, Instant at) {}

  /** {@code vm}'s guest finished booting (or reinstalling) on {@code host}. */
  default void onGuestUp(VmId vm, HostId host, Instant at) {}
}
