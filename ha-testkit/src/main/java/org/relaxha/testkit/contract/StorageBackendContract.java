package org.relaxha.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.storage.Lease;
import org.relaxha.spi.storage.LeaseResult;
import org.relaxha.spi.storage.StorageBackend;

/**
 * The conformance kit of the {@link StorageBackend} SPI: every storage adapter's tests extend it.
 *
 * <p>The subclass supplies a fresh, unstarted backend over storage without leases ({@link
 * #createBackend()}, called by this kit's {@code @BeforeEach}, before the subclass's own), a {@link
 * #vm()} whose disks it manages, and two hosts that reach them ({@link #hostA()}, {@link
 * #hostB()}). Leases are taken for {@link #leaseTtl()}; {@link #letTimePass} lets a lease expire (a
 * real sleep by default; a fixture on a manual clock advances the clock instead). A backend whose
 * leases cannot expire in test time removes {@link Capability#LEASE_EXPIRY}.
 *
 * <p>The kit checks: both hosts reach the disks; a free lease is granted to the asker; a held lease
 * is Held for another host, naming the holder; the holder may acquire again and renew; release
 * frees the lease for another host; releasing a lease not held is Done; an expired lease can be
 * taken by another host and the old holder can then not renew it; close() is idempotent. Leases
 * granted during a test are released after it.
 *
 * <pre>{@code
 * class IscsiStorageTest extends StorageBackendContract {
 *   @Override protected StorageBackend createBackend() {
 *     return new IscsiStorageBackend(IscsiConfig.of("127.0.0.1", 3260, "iqn.2026-03.test:lun0"));
 *   }
 *   @Override protected Vm vm() { return Vm.builder("web-1").storagePool("lun0").build(); }
 *   @Override protected HostId hostA() { return HostId.of("h1"); }
 *   @Override protected HostId hostB() { return HostId.of("h2"); }
 *   @Override protected Duration leaseTtl() { return Duration.ofSeconds(3); }
 * }
 * }</pre>
 *
 * <p>Not thread-safe; JUnit creates one instance per test.
 */
public abstract class StorageBackendContract {

  /** What a fixture can offer beyond the basics. */
  public enum Capability {
    /** Leases expire within {@link #leaseTtl()} plus a little, so expiry can be tested. */
    LEASE_EXPIRY
  }

  private StorageBackend backend;
  private final List<Lease> granted = new ArrayList<>();

  /** A fresh, unstarted backend over storage where no lease is held. */
  protected abstract StorageBackend createBackend();

  /** A VM whose disks this backend manages. */
  protected abstract Vm vm();

  /** A host that reaches {@link #vm()}'s disks. */
  protected abstract HostId hostA();

  /** Another host that reaches {@link #vm()}'s disks. */
  protected abstract HostId hostB();

  /** The time-to-live of the leases the kit takes; 2 s by default. */
  protected Duration leaseTtl() {
    return Duration.ofSeconds(2);
  }

  /** Lets {@code duration} pass for the backend; sleeps in real time by default. */
  protected void letTimePass(Duration duration) {
    Poll.sleep(duration);
  }

  /** The capabilities of this fixture; all by default. */
  protected Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  /** The started backend under test, for a subclass's own extra tests. */
  protected final StorageBackend backend() {
    return backend;
  }

  @BeforeEach
  public final void startBackend() {
    backend = createBackend();
    assertThat(backend).as("createBackend()").isNotNull();
    backend.start();
  }

  @AfterEach
  public final void releaseLeasesAndClose() {
    if (backend != null) {
      for (Lease lease : granted) {
        backend.releaseLease(lease);
      }
      backend.close();
    }
  }

  @Test
  public void nameIsNotBlank() {
    assertThat(backend.name()).isNotNull().isNotBlank();
  }

  @Test
  public void bothHostsReachTheDisks() {
    assertThat(backend.canReach(hostA(), vm())).isInstanceOf(ActionResult.Done.class);
    assertThat(backend.canReach(hostB(), vm())).isInstanceOf(ActionResult.Done.class);
  }

  @Test
  public void aFreeLeaseIsGranted() {
    Lease lease = acquireGranted(hostA());
    assertThat(lease.vm()).isEqualTo(vm().id());
    assertThat(lease.holder()).isEqualTo(hostA());
    assertThat(lease.token()).isNotNull();
  }

  @Test
  public void aHeldLeaseIsExclusive() {
    Lease lease = acquireGranted(hostA());
    LeaseResult other = backend.acquireLease(vm().id(), hostB(), leaseTtl());
    assertThat(other).as("acquire by another host").isInstanceOf(LeaseResult.Held.class);
    LeaseResult.Held held = (LeaseResult.Held) other;
    assertThat(held.holder()).isEqualTo(hostA());
    assertThat(held.until()).isEqualTo(lease.expires());
  }

  @Test
  public void theHolderMayAcquireAgain() {
    Lease first = acquireGranted(hostA());
    Lease again = acquireGranted(hostA());
    assertThat(again.holder()).isEqualTo(hostA());
    assertThat(again.expires()).isAfterOrEqualTo(first.expires());
  }

  @Test
  public void renewExtendsTheLease() {
    Lease first = acquireGranted(hostA());
    LeaseResult renewed = backend.renewLease(first, leaseTtl());
    assertThat(renewed).as("renew by the holder").isInstanceOf(LeaseResult.Granted.class);
    Lease lease = ((LeaseResult.Granted) renewed).lease();
    granted.add(lease);
    assertThat(lease.holder()).isEqualTo(hostA());
    assertThat(lease.expires()).isAfterOrEqualTo(first.expires());
    assertThat(backend.acquireLease(vm().id(), hostB(), leaseTtl()))
        .as("acquire by another host after renewal")
        .isInstanceOf(LeaseResult.Held.class);
  }

  @Test
  public void releaseFreesTheLease() {
    Lease lease = acquireGranted(hostA());
    assertThat(backend.releaseLease(lease)).isInstanceOf(ActionResult.Done.class);
    Lease taken = acquireGranted(hostB());
    assertThat(taken.holder()).isEqualTo(hostB());
  }

  @Test
  public void releasingALeaseNotHeldIsDone() {
    Lease lease = acquireGranted(hostA());
    assertThat(backend.releaseLease(lease))
        .as("first release")
        .isInstanceOf(ActionResult.Done.class);
    assertThat(backend.releaseLease(lease))
        .as("second release")
        .isInstanceOf(ActionResult.Done.class);
  }

  @Test
  public void anExpiredLeaseCanBeTakenByAnotherHost() {
    Assumptions.assumeTrue(
        capabilities().contains(Capability.LEASE_EXPIRY),
        () -> getClass().getSimpleName() + " does not declare capability LEASE_EXPIRY");
    Lease old = acquireGranted(hostA());
    letTimePass(leaseTtl().plus(leaseTtl().dividedBy(2)).plusMillis(100));
    Lease taken = acquireGranted(hostB());
    assertThat(taken.holder()).isEqualTo(hostB());
    assertThat(backend.renewLease(old, leaseTtl()))
        .as("renewal by the old holder after another host took the lease")
        .isNotInstanceOf(LeaseResult.Granted.class);
  }

  @Test
  public void closeIsIdempotent() {
    backend.close();
    backend.close();
  }

  /** Acquires the lease on {@link #vm()} for {@code holder}, asserting it is granted. */
  protected final Lease acquireGranted(HostId holder) {
    LeaseResult result = backend.acquireLease(vm().id(), holder, leaseTtl());
    assertThat(result).as("acquire by %s", holder).isInstanceOf(LeaseResult.Granted.class);
    Lease lease = ((LeaseResult.Granted) result).lease();
    granted.add(lease);
    return lease;
  }
}
