package org.relaxha.spi.storage;

import java.time.Duration;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;

/**
 * Shared storage as RelaxHA needs it: reachability of a VM's disks from a host, and per-VM disk
 * leases. When a backend is configured, the controller starts a VM only after {@link #acquireLease}
 * granted it a lease for the target host.
 *
 * <p><b>Lifecycle.</b> {@link #start} once before other calls; {@link #close} is idempotent.
 * Implementations are thread-safe; see the package documentation for blocking.
 */
public interface StorageBackend extends AutoCloseable {

  /** A short unique name for logs. */
  String name();

  /**
   * Connects. Throws {@link IllegalStateException} naming the setting for a broken configuration.
   */
  void start();

  /** Whether {@code host} can reach the disks of {@code vm} right now. */
  ActionResult canReach(HostId host, Vm vm);

  /**
   * Acquires (or re-acquires, if already held by {@code holder}) the lease on {@code vm}'s disks.
   */
  LeaseResult acquireLease(VmId vm, HostId holder, Duration ttl);

  /** Extends a lease we hold. */
  LeaseResult renewLease(Lease lease, Duration ttl);

  /** Gives a lease up. Done if it was not held. */
  ActionResult releaseLease(Lease lease);

  /** Releases connections and threads. Idempotent; never throws. */
  @Override
  void close();
}
