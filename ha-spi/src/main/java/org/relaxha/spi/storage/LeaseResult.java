package org.relaxha.spi.storage;

import java.time.Instant;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.HostId;

/**
 * The answer to a lease request.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface LeaseResult {

  /** The lease is ours. */
  record Granted(Lease lease) implements LeaseResult {
    public Granted {
      Require.nonNull(lease, "lease");
    }
  }

  /** Another host holds it until {@code until}; starting now could run the VM twice. */
  record Held(HostId holder, Instant until) implements LeaseResult {
    public Held {
      Require.nonNull(holder, "holder");
      Require.nonNull(until, "until");
    }
  }

  /** The storage could not be asked; treat as "no lease". */
  record Unavailable(String reason) implements LeaseResult {
    public Unavailable {
      Require.nonNull(reason, "reason");
    }
  }
}
