package org.relaxha.spi.storage;

import java.time.Instant;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * A granted disk lease: {@code holder} may run {@code vm} until {@code expires} unless renewed.
 *
 * <p>Immutable and thread-safe.
 */
public record Lease(VmId vm, HostId holder, Instant expires, String token) {
  /** Validates every field. */
  public Lease {
    Require.nonNull(vm, "lease.vm");
    Require.nonNull(holder, "lease.holder");
    Require.nonNull(expires, "lease.expires");
    Require.nonNull(token, "lease.token");
  }
}
