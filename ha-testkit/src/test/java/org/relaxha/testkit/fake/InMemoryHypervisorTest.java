package org.relaxha.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.hypervisor.InventoryResult;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.Gate;
import org.relaxha.testkit.Latency;
import org.relaxha.testkit.ManualClock;

class InMemoryHypervisorTest {
  private static final HostId H1 = HostId.of("h1");
  private static final HostId H2 = HostId.of("h2");
  private static final Vm WEB = Vm.builder("web-1").build();
  private static final Vm DB = Vm.builder("db-1").build();

  private final ManualClock clock = ManualClock.atOddInstant();
  private final InMemoryHypervisor hv =
      new InMemoryHypervisor("mem", clock)
          .addHosts("h1", "h2")
          .define(WEB.id(), H1, PowerState.RUNNING)
          .define(DB.id(), H1, PowerState.SHUT_OFF);
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void startOfARunningVmIsDoneWithoutStartingIt() {
    hv.start();
    assertThat(hv.startVm(WEB, H1)).isInstanceOf(ActionResult.Done.class);
    assertThat(hv.startCount(WEB.id())).isZero();
    assertThat(hv.startVm(DB, H1).succeeded()).isTrue();
    assertThat(hv.startVm(DB, H1).succeeded()).isTrue();
    assertThat(hv.startCount(DB.id())).isEqualTo(1);
    assertThat(hv.startCounts()).containsEntry(DB.id(), 1).doesNotContainKey(WEB.id());
  }

  @Test
  void stopOfAnOffOrAbsentVmIsDone() {
    hv.start();
    assertThat(hv.stopVm(DB.id(), H1).succeeded()).isTrue();
    assertThat(hv.stopVm(VmId.of("ghost"), H1).succeeded()).isTrue();
    assertThat(hv.stopVm(WEB.id(), H1).detail()).contains("destroyed");
    assertThat(hv.stateOf(WEB.id(), H1)).contains(PowerState.SHUT_OFF);
  }

  @Test
  void startOnASecondHostDefinesItThereAndIsSeenAsADoubleRun() {
    hv.start();
    assertThat(hv.startVm(WEB, H2).detail()).contains("defined and started");
    assertThat(hv.runningHostsOf(WEB.id())).containsExactly(H1, H2);
    assertThat(hv.ranOnTwoHosts()).containsExactly(WEB.id());
  }

  @Test
  void aCutOffHostIsUnreachableButItsVmsKeepRunning() {
    hv.start();
    hv.setReachable(H1, false);
    assertThat(hv.inventory(H1)).isInstanceOf(InventoryResult.Unreachable.class);
    assertThat(hv.startVm(DB, H1)).isInstanceOf(ActionResult.Unreachable.class);
    assertThat(hv.stopVm(WEB.id(), H1)).isInstanceOf(ActionResult.Unreachable.class);
    assertThat(hv.runningHostsOf(WEB.id())).containsExactly(H1);
    hv.startVm(WEB, H2);
    assertThat(hv.ranOnTwoHosts()).containsExactly(WEB.id());
  }

  @Test
  void powerOffStopsEveryVmOfTheHost() {
    hv.start();
    hv.powerOffHost(H1);
    assertThat(hv.isPoweredOn(H1)).isFalse();
    assertThat(hv.isReachable(H1)).isFalse();
    assertThat(hv.runningHostsOf(WEB.id())).isEmpty();
    assertThat(hv.inventory(H1)).isInstanceOf(InventoryResult.Unreachable.class);
    hv.powerOnHost(H1);
    InventoryResult.Listed listed = (InventoryResult.Listed) hv.inventory(H1);
    assertThat(listed.stateOf(WEB.id())).contains(PowerState.SHUT_OFF);
    assertThat(hv.startVm(WEB, H2).succeeded()).isTrue();
    assertThat(hv.ranOnTwoHosts()).isEmpty();
  }

  @Test
  void crashedVmsAndDeafGuests() {
    hv.start();
    assertThat(hv.rebootVm(WEB.id(), H1).succeeded()).isTrue();
    hv.setGuestResponsive(WEB.id(), false);
    assertThat(hv.rebootVm(WEB.id(), H1)).isInstanceOf(ActionResult.Unreachable.class);
    hv.crashVm(WEB.id(), H1);
    assertThat(hv.rebootVm(WEB.id(), H1)).isInstanceOf(ActionResult.Failed.class);
    assertThat(hv.runningHostsOf(WEB.id())).isEmpty();
    assertThat(hv.powerCycleVm(WEB, H1).succeeded()).isTrue();
    assertThat(hv.stateOf(WEB.id(), H1)).contains(PowerState.RUNNING);
    assertThat(hv.startCount(WEB.id())).isEqualTo(1);
  }

  @Test
  void injectedResultsAndExceptions() {
    hv.start();
    hv.failNext(HypervisorOp.START_VM, ActionResult.retryable("busy"));
    assertThat(hv.startVm(DB, H1)).isEqualTo(ActionResult.retryable("busy"));
    assertThat(hv.stateOf(DB.id(), H1)).contains(PowerState.SHUT_OFF);
    assertThat(hv.startVm(DB, H1).succeeded()).isTrue();

    hv.failAlways(HypervisorOp.STOP_VM, WEB.id(), ActionResult.failed("stuck"));
    assertThat(hv.stopVm(WEB.id(), H1).succeeded()).isFalse();
    assertThat(hv.stopVm(WEB.id(), H1).succeeded()).isFalse();
    assertThat(hv.stopVm(DB.id(), H1).succeeded()).isTrue();

    hv.failNext(HypervisorOp.INVENTORY, H2, ActionResult.unreachable("timeout"));
    assertThat(hv.inventory(H1)).isInstanceOf(InventoryResult.Listed.class);
    assertThat(hv.inventory(H2)).isEqualTo(new InventoryResult.Unreachable(H2, "timeout"));

    hv.throwNext(HypervisorOp.REBOOT_VM, new IllegalStateException("bug"));
    assertThatThrownBy(() -> hv.rebootVm(WEB.id(), H1)).hasMessage("bug");
    assertThat(hv.calls(HypervisorOp.REBOOT_VM).get(0).result())
        .isInstanceOf(IllegalStateException.class);

    hv.clearFaults();
    assertThat(hv.stopVm(WEB.id(), H1).succeeded()).isTrue();
    assertThatThrownBy(() -> hv.failNext(HypervisorOp.INVENTORY, ActionResult.done("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHangingCallActsOnceReleased() throws Exception {
    hv.start();
    Gate gate = hv.hangNext(HypervisorOp.START_VM);
    Future<ActionResult> call = pool.submit(() -> hv.startVm(DB, H1));
    assertThat(gate.awaitWaiting(1, Duration.ofSeconds(5))).isTrue();
    assertThat(hv.inventory(H1)).as("other calls go on").isInstanceOf(InventoryResult.Listed.class);
    assertThat(hv.calls(HypervisorOp.START_VM)).isEmpty();
    gate.release();
    assertThat(call.get(5, TimeUnit.SECONDS).succeeded()).isTrue();
    assertThat(hv.startCount(DB.id())).isEqualTo(1);
    assertThat(hv.calls(HypervisorOp.START_VM)).hasSize(1);
  }

  @Test
  void aHangingCallInterruptedByATimeoutIsUnreachableAndDoesNothing() throws Exception {
    hv.start();
    Gate gate = hv.hangNext(HypervisorOp.START_VM);
    Future<ActionResult> call = pool.submit(() -> hv.startVm(DB, H1));
    assertThat(gate.awaitWaiting(1, Duration.ofSeconds(5))).isTrue();
    assertThatThrownBy(() -> call.get(50, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);
    call.cancel(true);
    assertThat(hv.callLog().await(c -> true, 1, Duration.ofSeconds(5))).isTrue();
    assertThat(hv.calls(HypervisorOp.START_VM).get(0).result())
        .isInstanceOf(ActionResult.Unreachable.class);
    assertThat(gate.interrupted()).isEqualTo(1);
    assertThat(hv.startCount(DB.id())).isZero();
  }

  @Test
  void latencyOnAManualClock() throws Exception {
    hv.start();
    hv.setLatency(Latency.advancing(clock, Duration.ofSeconds(3)));
    hv.inventory(H1);
    assertThat(clock.instant()).isEqualTo(ManualClock.ODD_START.plusSeconds(3));

    hv.setLatency(Latency.waitingFor(clock, Duration.ofSeconds(10)));
    CompletableFuture<ActionResult> call = CompletableFuture.supplyAsync(() -> hv.startVm(DB, H1));
    Thread.sleep(50);
    assertThat(call).isNotDone();
    clock.advance(Duration.ofSeconds(10));
    assertThat(call.get(5, TimeUnit.SECONDS).succeeded()).isTrue();
  }

  @Test
  void callsAreLoggedWithIdsAndTheClock() {
    hv.start();
    clock.advance(Duration.ofMillis(1));
    hv.startVm(DB, H2);
    assertThat(hv.calls())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.operation()).isEqualTo("startVm");
              assertThat(c.arguments()).containsExactly(DB.id(), H2);
              assertThat(c.at()).isEqualTo(ManualClock.ODD_START.plusMillis(1));
            });
  }

  @Test
  void lifecycle() {
    assertThatThrownBy(() -> hv.inventory(H1)).isInstanceOf(IllegalStateException.class);
    hv.start();
    assertThatThrownBy(hv::start).isInstanceOf(IllegalStateException.class);
    hv.close();
    hv.close();
    assertThat(hv.startVm(DB, H1)).isInstanceOf(ActionResult.Unreachable.class);
    assertThat(hv.inventory(H1)).isInstanceOf(InventoryResult.Unreachable.class);
    hv.start();
    assertThat(hv.isStarted()).isTrue();
    assertThat(hv.startVm(DB, H1).succeeded()).isTrue();
    assertThat(hv.startVm(DB, HostId.of("nowhere"))).isInstanceOf(ActionResult.Failed.class);
    assertThatThrownBy(() -> hv.stateOf(DB.id(), HostId.of("nowhere")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
