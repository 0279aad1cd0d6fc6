package org.relaxha.spi.placement;

import java.time.Instant;
import java.util.List;

/**
 * Chooses hosts for VMs. Pure: no I/O, no clock, no hidden state; the same arguments give the same
 * plan. A plan never exceeds a host's capacity or load threshold, never puts two VMs of one
 * anti-affinity group together, and never uses a host that is down, in maintenance, excluded or
 * unable to reach the VM's storage; a VM that fits nowhere goes to {@link PlacementPlan#waiting}.
 *
 * <p>Thread-safe: implementations hold no mutable state.
 */
public interface Placement {

  /**
   * Places {@code requests} on {@code cluster}, taking each assignment into account for the next
   * (capacity, projected load, VM count, anti-affinity).
   *
   * @param now the controller's current instant, for policies that care (never read a clock)
   */
  PlacementPlan place(ClusterSnapshot cluster, List<PlacementRequest> requests, Instant now);
}
