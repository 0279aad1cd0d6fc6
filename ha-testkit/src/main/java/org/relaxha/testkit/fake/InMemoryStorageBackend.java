package org.relaxha.testkit.fake;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.storage.Lease;
import org.relaxha.spi.storage.LeaseResult;
import org.relaxha.spi.storage.StorageBackend;
import org.relaxha.testkit.Call;
import org.relaxha.testkit.CallLog;

/**
 * A {@link StorageBackend} with reachability per host and pool, and per-VM disk leases that expire
 * on an {@link InstantSource} (a {@link org.relaxha.testkit.ManualClock} in tests).
 *
 * <p><b>Leases.</b> {@link #acquireLease} grants a lease until {@code now + ttl} when nobody holds
 * it or the holder's lease has expired (at or after its expiry instant); when another holder's
 * lease has not expired it answers {@link LeaseResult.Held}. The holder may acquire again (same
 * token, new expiry). {@link #renewLease} extends a lease whose token is current and not expired;
 * an expired or superseded lease is not renewed ({@code Unavailable}, or {@code Held} if another
 * host took it). {@link #releaseLease} frees a current lease and is Done for one that is not held.
 *
 * <p><b>Failure injection.</b> {@link #setReachable(HostId, boolean)} (a host reaches no pool),
 * {@link #setReachable(HostId, String, boolean)} (one pool), and {@link #setAvailable} (the storage
 * itself is down: canReach is Unreachable, leases Unavailable). Every call is recorded: {@code
 * canReach [HostId, VmId]}, {@code acquireLease [VmId, HostId, ttl]}, {@code renewLease [VmId,
 * HostId, ttl]}, {@code releaseLease [VmId, HostId]}.
 *
 * <p>Thread-safe.
 */
public final class InMemoryStorageBackend implements StorageBackend {
  private final String name;
  private final InstantSource clock;
  private final CallLog log;
  private final Map<VmId, Lease> leases = new HashMap<>();
  private final Set<HostId> cutOffHosts = new HashSet<>();
  private final Set<String> cutOffPools = new HashSet<>();
  private boolean available = true;
  private long tokens;
  private boolean started;

  /** A backend called {@code name} whose leases expire on {@code clock}. */
  public InMemoryStorageBackend(String name, InstantSource clock) {
    this.name = Require.nonBlank(name, "name");
    this.clock = Require.nonNull(clock, "clock");
    this.log = new CallLog(clock);
  }

  /** Whether {@code host} reaches storage at all (default true). */
  public synchronized void setReachable(HostId host, boolean reachable) {
    Require.nonNull(host, "host");
    if (reachable) {
      cutOffHosts.remove(host);
    } else {
      cutOffHosts.add(host);
    }
  }

  /** Whether {@code host} reaches {@code pool} (default true). */
  public synchronized void setReachable(HostId host, String pool, boolean reachable) {
    String key = Require.nonNull(host, "host") + "/" + Require.nonBlank(pool, "pool");
    if (reachable) {
      cutOffPools.remove(key);
    } else {
      cutOffPools.add(key);
    }
  }

  /** Whether the storage answers at all (default true). */
  public synchronized void setAvailable(boolean value) {
    this.available = value;
  }

  /** The current lease on {@code vm}'s disks, expired or not; empty if none. */
  public synchronized Optional<Lease> leaseOf(VmId vm) {
    return Optional.ofNullable(leases.get(vm));
  }

  /** Every call so far. */
  public List<Call> calls() {
    return log.all();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void start() {
    started = true;
  }

  /** Whether {@link #start()} was called. */
  public synchronized boolean isStarted() {
    return started;
  }

  @Override
  public synchronized ActionResult canReach(HostId host, Vm vm) {
    ActionResult result;
    if (!available) {
      result = ActionResult.unreachable("storage " + name + " does not answer");
    } else if (cutOffHosts.contains(host)) {
      result = ActionResult.failed(host + " reaches no storage pool");
    } else if (vm.storagePool().isPresent()
        && cutOffPools.contains(host + "/" + vm.storagePool().get())) {
      result = ActionResult.failed(host + " cannot reach pool " + vm.storagePool().get());
    } else {
      result = ActionResult.done(host + " reaches the disks of " + vm.id());
    }
    log.record("canReach", result, host, vm.id());
    return result;
  }

  @Override
  public synchronized LeaseResult acquireLease(VmId vm, HostId holder, Duration ttl) {
    Require.positive(ttl, "ttl");
    LeaseResult result = acquire(vm, holder, ttl);
    log.record("acquireLease", result, vm, holder, ttl);
    return result;
  }

  @Override
  public synchronized LeaseResult renewLease(Lease lease, Duration ttl) {
    Require.positive(ttl, "ttl");
    LeaseResult result = renew(lease, ttl);
    log.record("renewLease", result, lease.vm(), lease.holder(), ttl);
    return result;
  }

  @Override
  public synchronized ActionResult releaseLease(Lease lease) {
    ActionResult result;
    Lease current = leases.get(lease.vm());
    if (!available) {
      result = ActionResult.unreachable("storage " + name + " does not answer");
    } else if (current != null && current.token().equals(lease.token())) {
      leases.remove(lease.vm());
      result = ActionResult.done("lease on " + lease.vm() + " released");
    } else {
      result = ActionResult.done("lease on " + lease.vm() + " was not held by " + lease.holder());
    }
    log.record("releaseLease", result, lease.vm(), lease.holder());
    return result;
  }

  @Override
  public synchronized void close() {
    started = false;
  }

  @Override
  public String toString() {
    return "InMemoryStorageBackend[" + name + "]";
  }

  private LeaseResult acquire(VmId vm, HostId holder, Duration ttl) {
    if (!available) {
      return new LeaseResult.Unavailable("storage " + name + " does not answer");
    }
    if (cutOffHosts.contains(holder)) {
      return new LeaseResult.Unavailable(holder + " reaches no storage pool");
    }
    Instant now = clock.instant();
    Lease current = leases.get(vm);
    if (current != null && !current.holder().equals(holder) && now.isBefore(current.expires())) {
      return new LeaseResult.Held(current.holder(), current.expires());
    }
    String token =
        current != null && current.holder().equals(holder) && now.isBefore(current.expires())
            ? current.token()
            : name + "-" + ++tokens;
    Lease granted = new Lease(vm, holder, now.plus(ttl), token);
    leases.put(vm, granted);
    return new LeaseResult.Granted(granted);
  }

  private LeaseResult renew(Lease lease, Duration ttl) {
    if (!available) {
      return new LeaseResult.Unavailable("storage " + name + " does not answer");
    }
    Instant now = clock.instant();
    Lease current = leases.get(lease.vm());
    if (current == null || !current.token().equals(lease.token())) {
      if (current != null && now.isBefore(current.expires())) {
        return new LeaseResult.Held(current.holder(), current.expires());
      }
      return new LeaseResult.Unavailable("lease on " + lease.vm() + " is no longer held");
    }
    if (!now.isBefore(current.expires())) {
      return new LeaseResult.Unavailable(
          "lease on " + lease.vm() + " expired at " + current.expires() + "; acquire it again");
    }
    Lease renewed = new Lease(lease.vm(), current.holder(), now.plus(ttl), current.token());
    leases.put(lease.vm(), renewed);
    return new LeaseResult.Granted(renewed);
  }
}
