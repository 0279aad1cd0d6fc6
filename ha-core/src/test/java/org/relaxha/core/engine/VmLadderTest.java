package org.relaxha.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaxha.core.policy.StandardRecoveryPolicy;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.notify.Severity;
import org.relaxha.spi.policy.RetryBudget;
import org.relaxha.spi.policy.Rung;
import org.relaxha.spi.policy.VmLadder;

class VmLadderTest {
  private static final VmId VM1 = VmId.of("vm1");
  private static final HostId H1 = HostId.of("h1");
  private EngineHarness h;

  @BeforeEach
  void setUp() {
    h = new EngineHarness(Fixtures.cluster(3, 1), Fixtures.policy());
    h.allUp();
  }

  @Test
  void rebootFirstThenStableWindowResetsTheLadder() {
    h.health(VM1, Health.DOWN);
    Command.RebootVm reboot = h.last(Command.RebootVm.class);
    assertThat(reboot.vm()).isEqualTo(VM1);
    assertThat(reboot.host()).isEqualTo(H1);
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.REBOOTING);
    h.done(reboot);
    h.advance(Duration.ofSeconds(80));
    h.health(VM1, Health.UP);
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.STABILIZING);
    h.advance(Duration.ofMinutes(10));
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.HEALTHY);
    assertThat(h.vm("vm1").lastRung()).isEmpty();
    assertThat(h.allOf(Command.PowerCycleVm.class)).isEmpty();
  }

  @Test
  void aCommandIsAwaitedOnlyWhileItsSubjectStillWaitsForIt() {
    h.health(VM1, Health.DOWN);
    Command.RebootVm reboot = h.last(Command.RebootVm.class);
    assertThat(h.state.awaits(reboot)).isTrue();
    h.health(H1, Health.DOWN);
    Command.FenceHost fence = h.last(Command.FenceHost.class);
    assertThat(h.state.awaits(fence)).isTrue();
    assertThat(h.state.awaits(reboot))
        .as("the VM's host failed: the engine waits for the fence, not for the reboot")
        .isFalse();
    h.fenced(fence);
    assertThat(h.state.awaits(fence)).as("answered").isFalse();
  }

  @Test
  void fullLadderRebootRestartReinstallThenGiveUpWithNotification() {
    h.health(VM1, Health.DOWN);
    h.done(h.last(Command.RebootVm.class));
    h.advance(Duration.ofMinutes(3).minusSeconds(1));
    assertThat(h.allOf(Command.PowerCycleVm.class)).as("T1 not over yet").isEmpty();
    h.advance(Duration.ofSeconds(1));
    Command.PowerCycleVm cycle = h.last(Command.PowerCycleVm.class);
    assertThat(cycle.host()).isEqualTo(H1);
    h.done(cycle);
    h.advance(Duration.ofMinutes(3));
    Command.ReinstallVm reinstall = h.last(Command.ReinstallVm.class);
    assertThat(reinstall.host()).isEqualTo(H1);
    h.done(reinstall);
    h.advance(Duration.ofMinutes(15));
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.GAVE_UP);
    assertThat(h.notification(n -> n.notification().severity() == Severity.CRITICAL)).isPresent();
  }

  @Test
  void aVmNoHostWillStartGoesOnToReinstallOnTheHostItLeftInsteadOfGivingUp() {
    ActionResult damaged = ActionResult.failed("disk image damaged");
    h.unreachable(VM1);
    h.complete(h.last(Command.PowerCycleVm.class), damaged);
    h.done(h.last(Command.StopVm.class));
    for (int round = 0; round < 20 && h.allOf(Command.ReinstallVm.class).isEmpty(); round++) {
      for (Command pending : List.copyOf(h.state.inflight().values())) {
        if (pending instanceof Command.PlaceVms p) {
          h.placed(p);
        } else if (pending instanceof Command.StartVm start) {
          h.complete(start, damaged);
        }
      }
      h.advance(Duration.ofSeconds(30));
    }
    assertThat(h.allOf(Command.StartVm.class)).as("moves the relocation budget allows").hasSize(3);
    assertThat(h.decided(d -> d.action().equals("skip RESTART"))).isTrue();
    Command.ReinstallVm reinstall = h.last(Command.ReinstallVm.class);
    assertThat(reinstall.host()).as("the host it ran on before the moves").isEqualTo(H1);
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.REINSTALLING);
    assertThat(h.vm("vm1").location()).contains(H1);
    h.done(reinstall);
    h.health(VM1, Health.UP);
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.STABILIZING);
  }

  @Test
  void aVmWhoseHostStopsAnsweringDuringAMoveWaitsForTheHostInsteadOfGivingUp() {
    h.unreachable(VM1);
    h.complete(h.last(Command.PowerCycleVm.class), ActionResult.failed("no such domain"));
    h.complete(h.last(Command.StopVm.class), ActionResult.unreachable("connection timed out"));
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.AWAITING_FENCE);
    assertThat(h.notification(n -> n.notification().severity() == Severity.CRITICAL)).isEmpty();
    h.placed(h.downAndFenced(H1));
    Command.StartVm start = h.last(Command.StartVm.class);
    assertThat(start.host()).isNotEqualTo(H1);
  }

  @Test
  void aVmWaitingForItsHostRetriesTheMoveWhenTheHostAnswersAgain() {
    h.unreachable(VM1);
    h.complete(h.last(Command.PowerCycleVm.class), ActionResult.failed("no such domain"));
    h.complete(h.last(Command.StopVm.class), ActionResult.unreachable("connection timed out"));
    h.health(H1, Health.SUSPECT);
    h.fresh();
    h.health(H1, Health.UP);
    assertThat(h.freshActions()).singleElement().isInstanceOf(Command.StopVm.class);
  }

  @Test
  void aVmWhoseHostNeitherAnswersNorIsDeclaredDownIsGivenUpAfterTheWait() {
    h.unreachable(VM1);
    h.complete(h.last(Command.PowerCycleVm.class), ActionResult.failed("no such domain"));
    h.complete(h.last(Command.StopVm.class), ActionResult.unreachable("connection timed out"));
    h.health(H1, Health.SUSPECT);
    h.advance(Duration.ofMinutes(3));
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.GAVE_UP);
    assertThat(h.vm("vm1").reason()).contains("cannot prove it off on h1");
    assertThat(h.notification(n -> n.notification().severity() == Severity.CRITICAL)).isPresent();
  }

  @Test
  void reinstallIsSkippedForVmsThatForbidIt() {
    Topology t =
        Topology.of(
            List.of(Host.builder("h1").capacity(8, 8192).build()),
            List.of(Vm.builder("vm1").homeHost("h1").reinstallAllowed(false).build()),
            List.of());
    h = new EngineHarness(t, Fixtures.policy());
    h.allUp();
    h.health(VM1, Health.DOWN);
    h.done(h.last(Command.RebootVm.class));
    h.advance(Duration.ofMinutes(3));
    h.done(h.last(Command.PowerCycleVm.class));
    h.advance(Duration.ofMinutes(3));
    assertThat(h.allOf(Command.ReinstallVm.class)).isEmpty();
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.GAVE_UP);
    assertThat(h.decided(d -> d.action().equals("skip REINSTALL"))).isTrue();
  }

  @Test
  void unreachableGuestSkipsTheRebootRung() {
    h.unreachable(VM1);
    assertThat(h.allOf(Command.RebootVm.class)).isEmpty();
    assertThat(h.last(Command.PowerCycleVm.class).vm()).isEqualTo(VM1);
    assertThat(h.vm("vm1").lastRung()).contains(Rung.RESTART);
  }

  @Test
  void aPolicyMayInsistOnRebootingUnreachableGuests() {
    h =
        new EngineHarness(
            Fixtures.cluster(3, 1),
            StandardRecoveryPolicy.builder()
                .vmLadder(VmLadder.ofDefaults().withRebootUnreachableGuests(true))
                .build());
    h.allUp();
    h.unreachable(VM1);
    assertThat(h.last(Command.RebootVm.class).vm()).isEqualTo(VM1);
    assertThat(h.allOf(Command.PowerCycleVm.class)).isEmpty();
  }

  @Test
  void rebootThatCannotReachTheGuestEscalatesAtOnce() {
    h.health(VM1, Health.DOWN);
    h.complete(h.last(Command.RebootVm.class), ActionResult.unreachable("ssh: no route"));
    assertThat(h.allOf(Command.PowerCycleVm.class)).hasSize(1);
    assertThat(h.now).isEqualTo(EngineHarness.T0);
  }

  @Test
  void relapseInsideTheStabilityWindowContinuesTheLadder() {
    h.health(VM1, Health.DOWN);
    h.done(h.last(Command.RebootVm.class));
    h.health(VM1, Health.UP);
    h.advance(Duration.ofMinutes(5));
    h.health(VM1, Health.DOWN);
    assertThat(h.allOf(Command.RebootVm.class)).hasSize(1);
    assertThat(h.allOf(Command.PowerCycleVm.class)).hasSize(1);
  }

  @Test
  void failureAfterTheStabilityWindowStartsAtTheFirstRungAgain() {
    h.health(VM1, Health.DOWN);
    h.done(h.last(Command.RebootVm.class));
    h.health(VM1, Health.UP);
    h.advance(Duration.ofMinutes(11));
    h.health(VM1, Health.DOWN);
    assertThat(h.allOf(Command.RebootVm.class)).hasSize(2);
    assertThat(h.allOf(Command.PowerCycleVm.class)).isEmpty();
  }

  @Test
  void retryBudgetStopsAVmThatKeepsCrashing() {
    VmLadder ladder =
        new VmLadder(
            List.of(Rung.REBOOT, Rung.RESTART),
            Duration.ofMinutes(3),
            Duration.ofMinutes(3),
            Duration.ofMinutes(15),
            Duration.ofMinutes(1),
            new RetryBudget(3, 3, Duration.ofHours(1)));
    h =
        new EngineHarness(
            Fixtures.cluster(2, 1), StandardRecoveryPolicy.builder().vmLadder(ladder).build());
    h.allUp();
    for (int i = 0; i < 3; i++) {
      h.health(VM1, Health.DOWN);
      h.health(VM1, Health.UP);
      h.advance(Duration.ofMinutes(2));
      assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.HEALTHY);
    }
    h.health(VM1, Health.DOWN);
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.GAVE_UP);
    assertThat(h.vm("vm1").reason()).contains("retry budget exhausted");
    assertThat(h.allOf(Command.RebootVm.class)).hasSize(3);
  }

  @Test
  void restartRelocatesWhenTheHostIsInMaintenance() {
    h.give(new Input.SetMaintenance(H1, true, "alice", h.now));
    h.unreachable(VM1);
    Command.StopVm stop = h.last(Command.StopVm.class);
    assertThat(stop.host()).isEqualTo(H1);
    assertThat(h.allOf(Command.StartVm.class))
        .as("never start before the stop is proven")
        .isEmpty();
    h.done(stop);
    Command.PlaceVms place = h.last(Command.PlaceVms.class);
    assertThat(place.requests().get(0).avoid()).contains(H1);
    h.placed(place);
    Command.StartVm start = h.last(Command.StartVm.class);
    assertThat(start.host()).isNotEqualTo(H1);
    h.done(start);
    h.health(VM1, Health.UP);
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.STABILIZING);
    assertThat(h.vm("vm1").location()).contains(start.host());
    assertThat(h.allOf(Command.UpdateMonitoring.class))
        .anyMatch(
            u -> u.update() instanceof MonitoringUpdate.Moved m && m.to().equals(start.host()));
  }

  @Test
  void failedPowerCycleRelocates() {
    h.unreachable(VM1);
    h.complete(h.last(Command.PowerCycleVm.class), ActionResult.failed("domain is locked"));
    assertThat(h.last(Command.StopVm.class).host()).isEqualTo(H1);
  }

  @Test
  void stopThatCannotBeProvenGivesUpInsteadOfStartingTwice() {
    h.give(new Input.SetMaintenance(H1, true, "alice", h.now));
    h.unreachable(VM1);
    h.complete(h.last(Command.StopVm.class), ActionResult.unreachable("libvirt timed out"));
    assertThat(h.vm("vm1").phase())
        .as("it may still run on h1: it waits for h1 to be fenced or to answer")
        .isEqualTo(VmPhase.AWAITING_FENCE);
    h.advance(Duration.ofMinutes(3));
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.GAVE_UP);
    assertThat(h.allOf(Command.StartVm.class)).isEmpty();
  }

  @Test
  void startRefusedByTheTargetIsPlacedElsewhere() {
    h.give(new Input.SetMaintenance(H1, true, "alice", h.now));
    h.unreachable(VM1);
    h.done(h.last(Command.StopVm.class));
    h.placed(h.last(Command.PlaceVms.class));
    Command.StartVm first = h.last(Command.StartVm.class);
    h.complete(first, ActionResult.failed("no such network"));
    Command.PlaceVms again = h.last(Command.PlaceVms.class);
    assertThat(again.requests().get(0).avoid()).contains(first.host(), H1);
    h.placed(again);
    assertThat(h.last(Command.StartVm.class).host()).isNotIn(first.host(), H1);
  }

  @Test
  void startWithUnknownOutcomeIsStoppedOnItsTargetBeforeAnyOtherStart() {
    h.give(new Input.SetMaintenance(H1, true, "alice", h.now));
    h.unreachable(VM1);
    h.done(h.last(Command.StopVm.class));
    h.placed(h.last(Command.PlaceVms.class));
    Command.StartVm first = h.last(Command.StartVm.class);
    h.complete(first, ActionResult.unreachable("timed out after 30 s"));
    Command.StopVm stop = h.last(Command.StopVm.class);
    assertThat(stop.host()).isEqualTo(first.host());
    assertThat(h.allOf(Command.StartVm.class)).hasSize(1);
  }

  @Test
  void staleOutcomesAreIgnored() {
    h.health(VM1, Health.DOWN);
    Command.RebootVm reboot = h.last(Command.RebootVm.class);
    h.health(VM1, Health.UP);
    Step step = h.complete(reboot, ActionResult.failed("late"));
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.STABILIZING);
    assertThat(step.decisions()).anyMatch(d -> d.action().equals("ignore"));
  }

  @Test
  void deadlineWaitsForACommandStillRunning() {
    h.health(VM1, Health.DOWN);
    h.advance(Duration.ofMinutes(4));
    assertThat(h.allOf(Command.PowerCycleVm.class)).isEmpty();
    h.done(h.last(Command.RebootVm.class));
    assertThat(h.allOf(Command.PowerCycleVm.class)).hasSize(1);
  }

  @Test
  void gaveUpVmThatComesBackIsHealthyAndOperatorResetRestartsTheLadder() {
    h.health(VM1, Health.DOWN);
    h.done(h.last(Command.RebootVm.class));
    h.advance(Duration.ofMinutes(3));
    h.done(h.last(Command.PowerCycleVm.class));
    h.advance(Duration.ofMinutes(3));
    h.done(h.last(Command.ReinstallVm.class));
    h.advance(Duration.ofMinutes(15));
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.GAVE_UP);
    h.give(new Input.ResetVm(VM1, "bob", h.now));
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.REBOOTING);
    h.health(VM1, Health.UP);
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.STABILIZING);
  }

  @Test
  void vmAlarmsAreHeldWhileItsHostIsSuspect() {
    h.health(H1, Health.SUSPECT);
    h.health(VM1, Health.DOWN);
    assertThat(h.freshActions()).isEmpty();
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.HEALTHY);
  }

  @Test
  void unknownSubjectsAreIgnoredWithAReason() {
    Step step = h.health(VmId.of("ghost"), Health.DOWN);
    assertThat(step.changed()).isFalse();
    assertThat(step.decisions())
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).contains("topology"));
  }

  @Test
  void sameInputsGiveTheSameSteps() {
    EngineHarness a = new EngineHarness(Fixtures.cluster(3, 4), Fixtures.policy());
    EngineHarness b = new EngineHarness(Fixtures.cluster(3, 4), Fixtures.policy());
    for (EngineHarness x : List.of(a, b)) {
      x.allUp();
      x.health(H1, Health.DOWN);
      x.fenced(x.last(Command.FenceHost.class));
      x.placed(x.last(Command.PlaceVms.class));
    }
    assertThat(a.all).isEqualTo(b.all);
    assertThat(a.state).isEqualTo(b.state);
  }
}
