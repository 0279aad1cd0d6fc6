package org.relaxha.sim.world;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.VmId;

/** One VM defined on one host: its power state and what its guest is doing. Not thread-safe. */
final class Domain {
  /** What the guest is doing while the domain runs. */
  enum Guest {
    OFF,
    BOOTING,
    UP,
    HUNG,
    REINSTALLING
  }

  final VmId vm;
  PowerState power = PowerState.SHUT_OFF;
  Guest guest = Guest.OFF;

  /** Bumped at every power or guest change, so that a stale boot completion is ignored. */
  long generation;

  Instant since;

  /** Services that crashed in this incarnation. */
  final Set<String> crashedServices = new TreeSet<>();

  Domain(VmId vm, Instant now) {
    this.vm = vm;
    this.since = now;
  }

  boolean runs() {
    return power == PowerState.RUNNING || power == PowerState.PAUSED;
  }

  void set(PowerState p, Guest g, Instant now) {
    power = p;
    guest = g;
    generation++;
    since = now;
    if (g == Guest.OFF || g == Guest.BOOTING || g == Guest.REINSTALLING) {
      crashedServices.clear();
    }
  }
}
