package org.relaxha.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.storage.Lease;
import org.relaxha.spi.storage.LeaseResult;
import org.relaxha.testkit.ManualClock;

class InMemoryStorageBackendTest {
  private static final HostId H1 = HostId.of("h1");
  private static final HostId H2 = HostId.of("h2");
  private static final Vm WEB = Vm.builder("web-1").storagePool("san-a").build();
  private static final Duration TTL = Duration.ofSeconds(30);
  private final ManualClock clock = ManualClock.atOddInstant();
  private final InMemoryStorageBackend storage = new InMemoryStorageBackend("san", clock);

  @Test
  void reachabilityPerHostAndPool() {
    assertThat(storage.canReach(H1, WEB).succeeded()).isTrue();
    storage.setReachable(H1, "san-a", false);
    assertThat(storage.canReach(H1, WEB)).isInstanceOf(ActionResult.Failed.class);
    assertThat(storage.canReach(H1, Vm.builder("local").build()).succeeded()).isTrue();
    storage.setReachable(H2, false);
    assertThat(storage.canReach(H2, WEB)).isInstanceOf(ActionResult.Failed.class);
    assertThat(storage.acquireLease(WEB.id(), H2, TTL)).isInstanceOf(LeaseResult.Unavailable.class);
    storage.setAvailable(false);
    assertThat(storage.canReach(H1, WEB)).isInstanceOf(ActionResult.Unreachable.class);
    assertThat(storage.acquireLease(WEB.id(), H1, TTL)).isInstanceOf(LeaseResult.Unavailable.class);
  }

  @Test
  void leasesExpireOnTheClockExactlyAtTheirExpiry() {
    Lease lease = granted(storage.acquireLease(WEB.id(), H1, TTL));
    assertThat(lease.expires()).isEqualTo(ManualClock.ODD_START.plus(TTL));
    clock.advance(TTL.minusNanos(1));
    assertThat(storage.acquireLease(WEB.id(), H2, TTL))
        .isEqualTo(new LeaseResult.Held(H1, lease.expires()));
    clock.advance(Duration.ofNanos(1));
    Lease taken = granted(storage.acquireLease(WEB.id(), H2, TTL));
    assertThat(taken.token()).isNotEqualTo(lease.token());
    assertThat(storage.renewLease(lease, TTL)).isInstanceOf(LeaseResult.Held.class);
    assertThat(storage.releaseLease(lease).succeeded()).isTrue();
    assertThat(storage.leaseOf(WEB.id())).contains(taken);
  }

  @Test
  void anExpiredLeaseIsNotRenewedButCanBeAcquiredAgain() {
    Lease lease = granted(storage.acquireLease(WEB.id(), H1, TTL));
    clock.advance(TTL);
    assertThat(storage.renewLease(lease, TTL)).isInstanceOf(LeaseResult.Unavailable.class);
    assertThat(granted(storage.acquireLease(WEB.id(), H1, TTL)).holder()).isEqualTo(H1);
    assertThat(storage.calls())
        .extracting(c -> c.operation())
        .containsExactly("acquireLease", "renewLease", "acquireLease");
  }

  private static Lease granted(LeaseResult result) {
    assertThat(result).isInstanceOf(LeaseResult.Granted.class);
    return ((LeaseResult.Granted) result).lease();
  }
}
