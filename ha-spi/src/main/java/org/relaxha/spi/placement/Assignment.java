package org.relaxha.spi.placement;

import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * A VM assigned to a host, with the reason the host won.
 *
 * <p>Immutable and thread-safe.
 */
public record Assignment(VmId vm, HostId host, String reason) {
  /** Validates every field. */
  public Assignment {
    Require.nonNull(vm, "assignment.vm");
    Require.nonNull(host, "assignment.host");
    Require.nonNull(reason, "assignment.reason");
  }
}
