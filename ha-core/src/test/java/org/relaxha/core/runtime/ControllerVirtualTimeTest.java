package org.relaxha.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relaxha.core.engine.VmPhase;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.notify.Severity;
import org.relaxha.testkit.fake.HypervisorOp;
import org.relaxha.testkit.fake.InMemoryHypervisor;

class ControllerVirtualTimeTest {
  private static final HostId H1 = HostId.of("h1");
  private VirtualWorld world;

  @AfterEach
  void tearDown() {
    if (world != null && world.controller != null) {
      world.controller.close();
    }
  }

  @Test
  void crashedVmIsPowerCycledOnItsHostAndReportedRecovered() {
    world = new VirtualWorld(1);
    world.start(b -> b);
    VmId vm = VmId.of("vm1");
    world.hypervisor.crashVm(vm, H1);
    world.run(Duration.ofMinutes(2), Duration.ofSeconds(5));
    StatusSnapshot status = world.controller.status();
    assertThat(status.of(vm).orElseThrow().phase()).isEqualTo(VmPhase.STABILIZING.name());
    assertThat(world.hypervisor.runningHostsOf(vm)).containsExactly(H1);
    assertThat(world.notifier.sent(Severity.INFO)).anyMatch(n -> n.title().contains("recovered"));
  }

  @Test
  void hostFailureFencesAndRestartsEveryVmElsewhereExactlyOnce() {
    world = new VirtualWorld(4);
    world.start(b -> b);
    world.hypervisor.setReachable(H1, false);
    world.run(Duration.ofMinutes(3), Duration.ofSeconds(5));
    for (int i = 1; i <= 4; i++) {
      VmId vm = VmId.of("vm" + i);
      assertThat(world.hypervisor.runningHostsOf(vm)).as("%s", vm).hasSize(1).doesNotContain(H1);
      assertThat(world.hypervisor.startCount(vm)).as("starts of %s", vm).isEqualTo(1);
    }
    assertThat(world.fencer.fenceCount(H1)).isEqualTo(1);
    assertThat(world.hypervisor.ranOnTwoHosts()).isEmpty();
    assertThat(world.monitor.calls("mute")).isNotEmpty();
    assertThat(world.monitor.calls("vmMoved")).hasSize(4);
    StatusSnapshot status = world.controller.status();
    assertThat(status.of(H1).orElseThrow().phase()).isEqualTo("FENCED");
    assertThat(status.recentDecisions()).anyMatch(d -> d.action().equals("fenced"));
  }

  @Test
  void restartedControllerReissuesInterruptedCommandsWithoutStartingTwice() {
    world = new VirtualWorld(2);
    LosingCallRunner losing = new LosingCallRunner("StartVm");
    world.start(b -> b.callRunner(losing));
    world.hypervisor.setReachable(H1, false);
    world.run(Duration.ofSeconds(40), Duration.ofSeconds(5));
    assertThat(losing.lost).as("starts in flight when the controller dies").hasSize(2);
    world.controller.close();
    world.controller = null;
    world.start(b -> b);
    world.run(Duration.ofMinutes(5), Duration.ofSeconds(5));
    for (VmId vm : List.of(VmId.of("vm1"), VmId.of("vm2"))) {
      assertThat(world.hypervisor.runningHostsOf(vm)).hasSize(1).doesNotContain(H1);
      assertThat(world.hypervisor.startCount(vm)).isEqualTo(1);
    }
    assertThat(world.hypervisor.ranOnTwoHosts()).isEmpty();
  }

  @Test
  void aStartThatHappenedJustBeforeTheCrashIsNotRepeated() {
    world = new VirtualWorld(1);
    LosingCallRunner losing = new LosingCallRunner("StartVm").runningThem();
    world.start(b -> b.callRunner(losing));
    world.hypervisor.setReachable(H1, false);
    world.run(Duration.ofSeconds(40), Duration.ofSeconds(5));
    assertThat(world.hypervisor.startCount(VmId.of("vm1"))).isEqualTo(1);
    world.controller.close();
    world.controller = null;
    world.start(b -> b);
    world.run(Duration.ofMinutes(2), Duration.ofSeconds(5));
    assertThat(world.hypervisor.startCount(VmId.of("vm1"))).isEqualTo(1);
    assertThat(world.controller.status().of(VmId.of("vm1")).orElseThrow().phase())
        .isIn(VmPhase.STABILIZING.name(), VmPhase.HEALTHY.name());
  }

  /**
   * Calls whose description starts with a prefix never report back: the controller "dies" there.
   */
  static final class LosingCallRunner implements CallRunner {
    final String prefix;
    final List<String> lost = new java.util.ArrayList<>();
    boolean run;

    LosingCallRunner(String prefix) {
      this.prefix = prefix;
    }

    LosingCallRunner runningThem() {
      run = true;
      return this;
    }

    @Override
    public <T> void run(
        String what,
        java.util.concurrent.Callable<T> call,
        Duration timeout,
        java.util.function.Consumer<Outcome<T>> done) {
      if (what.startsWith(prefix)) {
        lost.add(what);
        if (run) {
          try {
            call.call();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
        return;
      }
      CallRunner.inline().run(what, call, timeout, done);
    }

    @Override
    public int stuckCalls() {
      return 0;
    }

    @Override
    public void close() {}
  }

  @Test
  void aControllerThatDiedBeforeItsFirstSnapshotReplaysItsJournalAtTheInstantsOfItsInputs() {
    world = new VirtualWorld(1);
    world.start(b -> b);
    VmId vm = VmId.of("vm1");
    for (int i = 0; i < 60; i++) {
      if (!world.hypervisor.runningHostsOf(vm).isEmpty()) {
        world.hypervisor.crashVm(vm, H1);
      }
      world.time.advance(Duration.ofSeconds(5));
      world.observeAll();
    }
    assertThat(world.controller.status().of(vm).orElseThrow().phase())
        .as("power-cycled, never came back within T2, not reinstallable")
        .isEqualTo(VmPhase.GAVE_UP.name());
    int critical = world.notifier.sent(Severity.CRITICAL).size();
    world.crash();
    world.time.advance(Duration.ofMinutes(2));
    world.start(b -> b);
    assertThat(world.controller.status().of(vm).orElseThrow().phase())
        .as("the replay decides each input at its own instant, as the first controller did")
        .isEqualTo(VmPhase.GAVE_UP.name());
    world.run(Duration.ofMinutes(5), Duration.ofSeconds(5));
    assertThat(world.notifier.sent(Severity.CRITICAL)).hasSize(critical);
  }

  @Test
  void aRestartedControllerRecoversExactlyTheStateItHadWhateverTheSnapshotCadence() {
    for (int every = 1; every <= 4; every++) {
      int cadence = every;
      world = new VirtualWorld(2);
      world.start(b -> b.snapshotEvery(cadence));
      world.hypervisor.crashVm(VmId.of("vm1"), H1);
      world.run(Duration.ofSeconds(50), Duration.ofSeconds(5));
      world.hypervisor.setReachable(H1, false);
      world.run(Duration.ofSeconds(35), Duration.ofSeconds(5));
      var before = world.controller.engineState();
      world.crash();
      world.startQuietly(b -> b.snapshotEvery(cadence));
      var after = world.controller.engineState();
      assertThat(after.nextCommandId())
          .as("snapshot every %d", cadence)
          .isEqualTo(before.nextCommandId());
      assertThat(after.vms()).as("snapshot every %d", cadence).isEqualTo(before.vms());
      assertThat(after.hosts()).as("snapshot every %d", cadence).isEqualTo(before.hosts());
      assertThat(after.inflight()).as("snapshot every %d", cadence).isEqualTo(before.inflight());
      assertThat(after).as("snapshot every %d", cadence).isEqualTo(before);
      world.controller.close();
      world.controller = null;
    }
  }

  @Test
  void aCommandTheEngineNoLongerAwaitsIsNotRetried() {
    world = new VirtualWorld(1);
    world.start(b -> b);
    VmId vm = VmId.of("vm1");
    world.hypervisor.failAlways(
        HypervisorOp.POWER_CYCLE_VM, vm, ActionResult.unreachable("connection timed out"));
    world.hypervisor.crashVm(vm, H1);
    world.observeAll();
    world.observeAll();
    assertThat(world.hypervisor.calls(HypervisorOp.POWER_CYCLE_VM)).hasSize(1);
    world.hypervisor.setReachable(H1, false);
    world.observeAll();
    world.observeAll();
    assertThat(world.controller.status().of(H1).orElseThrow().health()).isEqualTo(Health.DOWN);
    world.run(Duration.ofMinutes(1), Duration.ofSeconds(5));
    assertThat(world.hypervisor.calls(HypervisorOp.POWER_CYCLE_VM))
        .as("the VM's host failed: the engine awaits the fence now, not the power-cycle")
        .hasSize(1);
    assertThat(world.hypervisor.runningHostsOf(vm)).hasSize(1).doesNotContain(H1);
  }

  @Test
  void aPowerCycleNeverRunsASecondCopy() {
    world = new VirtualWorld(1);
    world.start(b -> b);
    VmId vm = VmId.of("vm1");
    world.hypervisor.crashVm(vm, H1);
    world.hypervisor.define(vm, HostId.of("h2"), PowerState.RUNNING);
    world.monitor.observe(vm, ObservedStatus.UNREACHABLE);
    world.monitor.observe(vm, ObservedStatus.UNREACHABLE);
    world.time.runDue();
    assertThat(world.hypervisor.calls(HypervisorOp.POWER_CYCLE_VM))
        .as("refused before it reached the hypervisor: the VM runs on h2")
        .isEmpty();
    assertThat(world.hypervisor.ranOnTwoHosts()).isEmpty();
  }

  @Test
  void vmRunningOnTwoHostsIsReportedAsSplitBrain() {
    world = new VirtualWorld(1);
    world.hypervisor.define(VmId.of("vm1"), HostId.of("h2"), PowerState.RUNNING);
    world.start(b -> b);
    assertThat(world.notifier.sent(Severity.CRITICAL))
        .anyMatch(n -> n.title().contains("Split brain"));
    assertThat(world.controller.status().warnings())
        .anyMatch(w -> w.contains("running on 2 hosts"));
  }

  @Test
  void builderNamesWhatIsWrong() {
    assertThatThrownBy(() -> HaController.builder().inMemoryState().build())
        .hasMessageContaining("topology");
    world = new VirtualWorld(1);
    assertThatThrownBy(() -> HaController.builder().topology(world.topology).build())
        .hasMessageContaining("stateDirectory");
    InMemoryHypervisor other = new InMemoryHypervisor("other", world.time);
    other.addHost(H1);
    assertThatThrownBy(
            () ->
                HaController.builder()
                    .topology(world.topology)
                    .inMemoryState()
                    .hypervisor(world.hypervisor)
                    .hypervisor(other)
                    .build())
        .hasMessageContaining("host h1 is managed by two hypervisors: mem and other");
    assertThatThrownBy(() -> HaController.builder().threads(0))
        .hasMessageContaining("threads must be >= 1");
  }

  @Test
  void statusShowsHealthPhaseAndReasonOfEverySubject() {
    world = new VirtualWorld(1);
    world.start(b -> b);
    StatusSnapshot status = world.controller.status();
    assertThat(status.subjects()).hasSize(4);
    assertThat(status.of(VmId.of("vm1")).orElseThrow().health()).isEqualTo(Health.UP);
    assertThat(status.of(VmId.of("vm1")).orElseThrow().location()).contains(H1);
  }
}
