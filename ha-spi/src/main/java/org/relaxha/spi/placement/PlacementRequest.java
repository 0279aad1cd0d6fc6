package org.relaxha.spi.placement;

import java.util.Set;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;

/**
 * A VM to place and the hosts it must not go to (its failed host, a host where a start just
 * failed).
 *
 * <p>Immutable and thread-safe.
 */
public record PlacementRequest(Vm vm, Set<HostId> excluded) {
  /** Validates and copies. */
  public PlacementRequest {
    Require.nonNull(vm, "request.vm");
    excluded = Set.copyOf(Require.nonNull(excluded, "request.excluded"));
  }

  /** A request with no excluded host. */
  public static PlacementRequest of(Vm vm) {
    return new PlacementRequest(vm, Set.of());
  }
}
