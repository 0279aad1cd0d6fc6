package org.relaxha.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.fencing.FenceResult;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.Gate;
import org.relaxha.testkit.ManualClock;

class InMemoryFencerTest {
  private static final Host H1 = Host.builder("h1").build();
  private static final Host H2 = Host.builder("h2").build();
  private final ManualClock clock = ManualClock.atOddInstant();

  @Test
  void scriptsRunInOrderAndTheLastRepeats() {
    InMemoryFencer fencer =
        new InMemoryFencer("ipmi", clock)
            .script(
                H1.id(),
                new FenceResult.Failed("bmc timeout"),
                new FenceResult.Fenced("ipmi", "chassis off"));
    assertThat(fencer.fence(H1)).isInstanceOf(FenceResult.Failed.class);
    assertThat(fencer.fence(H1)).isInstanceOf(FenceResult.Fenced.class);
    assertThat(fencer.fence(H1)).isInstanceOf(FenceResult.Fenced.class);
    assertThat(fencer.fence(H2)).as("default").isInstanceOf(FenceResult.Fenced.class);
    assertThat(fencer.fenceCount(H1.id())).isEqualTo(3);
    fencer.setDefault(new FenceResult.NotApplicable("no bmc"));
    assertThat(fencer.fence(H2)).isInstanceOf(FenceResult.NotApplicable.class);
  }

  @Test
  void aLinkedFencerPowersTheHostOffOnlyWhenItReportsFenced() {
    InMemoryHypervisor hv =
        new InMemoryHypervisor("mem", clock)
            .addHosts("h1", "h2")
            .define(VmId.of("web-1"), H1.id(), PowerState.RUNNING);
    InMemoryFencer fencer =
        new InMemoryFencer("ipmi", clock)
            .poweringOff(hv)
            .script(
                H1.id(), new FenceResult.Failed("bmc timeout"), new FenceResult.Fenced("ipmi", ""));
    fencer.fence(H1);
    assertThat(hv.isPoweredOn(H1.id())).isTrue();
    fencer.fence(H1);
    assertThat(hv.isPoweredOn(H1.id())).isFalse();
    assertThat(hv.runningHostsOf(VmId.of("web-1"))).isEmpty();
    assertThat(fencer.fence(Host.builder("h9").build()))
        .isInstanceOf(FenceResult.NotApplicable.class);
  }

  @Test
  void aHangingFenceIsFailedWhenInterrupted() throws Exception {
    InMemoryFencer fencer = new InMemoryFencer("ipmi", clock);
    Gate gate = fencer.hangNext();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<FenceResult> call = pool.submit(() -> fencer.fence(H1));
      assertThat(gate.awaitWaiting(1, Duration.ofSeconds(5))).isTrue();
      call.cancel(true);
      assertThat(fencer.callLog().await(c -> true, 1, Duration.ofSeconds(5))).isTrue();
      assertThat(fencer.calls().get(0).result()).isInstanceOf(FenceResult.Failed.class);
    } finally {
      pool.shutdownNow();
    }
    Gate second = fencer.hangNext();
    CompletableFuture<FenceResult> call = CompletableFuture.supplyAsync(() -> fencer.fence(H2));
    assertThat(second.awaitWaiting(1, Duration.ofSeconds(5))).isTrue();
    second.release();
    assertThat(call.get(5, TimeUnit.SECONDS)).isInstanceOf(FenceResult.Fenced.class);
    assertThat(fencer.calls())
        .extracting(c -> c.arguments().get(0))
        .containsExactly(H1.id(), HostId.of("h2"));
  }
}
