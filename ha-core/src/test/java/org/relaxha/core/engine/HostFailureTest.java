package org.relaxha.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relaxha.core.policy.StandardRecoveryPolicy;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.notify.Severity;
import org.relaxha.spi.placement.Assignment;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.policy.HostRecovery;
import org.relaxha.spi.policy.SafetyValve;

class HostFailureTest {
  private static final HostId H1 = HostId.of("h1");

  @Test
  void hostDownMutesFencesThenPlacesAllItsVmsAtOnce() {
    EngineHarness h = new EngineHarness(Fixtures.cluster(3, 4), Fixtures.policy(16, 16));
    h.allUp();
    h.health(H1, Health.DOWN);
    List<Command> first = h.fresh();
    assertThat(first)
        .anyMatch(
            c ->
                c instanceof Command.UpdateMonitoring u
                    && u.update() instanceof MonitoringUpdate.Mute m
                    && m.subjects().size() == 4);
    assertThat(first).anyMatch(c -> c instanceof Command.FenceHost f && f.host().equals(H1));
    assertThat(first).noneMatch(c -> c instanceof Command.PlaceVms || c instanceof Command.StartVm);
    for (int i = 1; i <= 4; i++) {
      assertThat(h.vm("vm" + i).phase()).isEqualTo(VmPhase.AWAITING_FENCE);
    }
    h.fenced(h.last(Command.FenceHost.class));
    Command.PlaceVms place = h.last(Command.PlaceVms.class);
    assertThat(place.requests()).hasSize(4);
    h.placed(place);
    List<Command.StartVm> starts = h.allOf(Command.StartVm.class);
    assertThat(starts).hasSize(4).noneMatch(s -> s.host().equals(H1));
    starts.forEach(h::done);
    for (Command.StartVm s : starts) {
      h.health(s.vm(), Health.UP);
    }
    assertThat(h.host("h1").evacuees()).isEmpty();
    assertThat(h.notification(n -> n.notification().title().contains("recovery finished")))
        .isPresent();
    assertThat(h.allOf(Command.UpdateMonitoring.class))
        .filteredOn(u -> u.update() instanceof MonitoringUpdate.Moved)
        .hasSize(4);
  }

  @Test
  void aVmThePlanLeavesOutWaitsAndOneItNamesTwiceIsAssignedOnce() {
    EngineHarness h = new EngineHarness(Fixtures.cluster(3, 3), Fixtures.policy(16, 16));
    h.allUp();
    Command.PlaceVms place = h.downAndFenced(H1);
    assertThat(place.requests()).hasSize(3);
    PlacementPlan plan =
        new PlacementPlan(
            List.of(
                new Assignment(VmId.of("vm1"), HostId.of("h2"), "test"),
                new Assignment(VmId.of("vm2"), HostId.of("h3"), "test"),
                new Assignment(VmId.of("vm1"), HostId.of("h3"), "test again")),
            List.of());
    h.give(new Input.PlacementDecided(place.id(), plan, h.now));
    assertThat(h.vm("vm1").target()).contains(HostId.of("h2"));
    assertThat(h.vm("vm2").target()).contains(HostId.of("h3"));
    assertThat(h.vm("vm3").phase()).isEqualTo(VmPhase.QUEUED);
    assertThat(h.vm("vm3").reason()).isEqualTo("the placement plan did not mention it");
    assertThat(h.allOf(Command.StartVm.class))
        .extracting(Command.StartVm::vm)
        .containsExactlyInAnyOrder(VmId.of("vm1"), VmId.of("vm2"));
  }

  @Test
  void aVmBeingStartedCountsOnItsTargetForTheNextPlan() {
    Topology t =
        Topology.of(
            List.of(
                Host.builder("h1").capacity(8, 8192).build(),
                Host.builder("h2").capacity(2, 65536).build(),
                Host.builder("h3").capacity(8, 8192).build(),
                Host.builder("h4").capacity(8, 4096).build()),
            List.of(
                Vm.builder("a").homeHost("h1").demand(2, 2048).build(),
                Vm.builder("b").homeHost("h3").demand(2, 2048).build()),
            List.of());
    EngineHarness h = new EngineHarness(t, Fixtures.policy(2, 16));
    h.allUp();
    h.placed(h.downAndFenced(H1));
    Command.StartVm first = h.last(Command.StartVm.class);
    assertThat(first.host()).isEqualTo(HostId.of("h2"));
    assertThat(h.vm("a").phase()).as("its start has not answered yet").isEqualTo(VmPhase.STARTING);
    assertThat(h.state.occupancy()).containsEntry(VmId.of("a"), HostId.of("h2"));
    h.health(HostId.of("h3"), Health.DOWN);
    h.fenced(h.last(Command.FenceHost.class));
    h.placed(h.last(Command.PlaceVms.class));
    assertThat(h.last(Command.StartVm.class).host())
        .as("h2 has no CPU left for b while a is starting there")
        .isEqualTo(HostId.of("h4"));
  }

  @Test
  void anUpVerdictBeforeTheStartAnswersDoesNotRecoverTheVm() {
    EngineHarness h = new EngineHarness(Fixtures.cluster(3, 1), Fixtures.policy(2, 16));
    h.allUp();
    h.placed(h.downAndFenced(H1));
    Command.StartVm start = h.last(Command.StartVm.class);
    h.health(VmId.of("vm1"), Health.UP);
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.STARTING);
    assertThat(h.state.occupancy()).containsEntry(VmId.of("vm1"), start.host());
    h.done(start);
    assertThat(h.vm("vm1").location()).contains(start.host());
    h.health(VmId.of("vm1"), Health.UP);
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.STABILIZING);
  }

  @Test
  void aFenceDelayGivesTheHostTimeToComeBackBeforeItIsFenced() {
    HostRecovery delayed = HostRecovery.ofDefaults().withFenceDelay(Duration.ofMinutes(3));
    EngineHarness h =
        new EngineHarness(
            Fixtures.cluster(3, 2), StandardRecoveryPolicy.builder().hostRecovery(delayed).build());
    h.allUp();
    h.health(H1, Health.DOWN);
    assertThat(h.allOf(Command.FenceHost.class)).isEmpty();
    assertThat(h.decided(d -> d.action().equals("delay fence"))).isTrue();
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.AWAITING_FENCE);
    h.advance(Duration.ofMinutes(3).minusSeconds(1));
    assertThat(h.allOf(Command.FenceHost.class)).isEmpty();
    h.advance(Duration.ofSeconds(1));
    Command.FenceHost fence = h.last(Command.FenceHost.class);
    assertThat(fence.attempt()).isEqualTo(1);
    h.fenced(fence);
    assertThat(h.allOf(Command.PlaceVms.class)).hasSize(1);
  }

  @Test
  void aHostBackWithinTheFenceDelayStandsDown() {
    HostRecovery delayed = HostRecovery.ofDefaults().withFenceDelay(Duration.ofMinutes(3));
    EngineHarness h =
        new EngineHarness(
            Fixtures.cluster(3, 2), StandardRecoveryPolicy.builder().hostRecovery(delayed).build());
    h.allUp();
    h.health(H1, Health.DOWN);
    h.advance(Duration.ofMinutes(1));
    h.health(H1, Health.UP);
    assertThat(h.host("h1").phase()).isEqualTo(HostPhase.UP);
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.HEALTHY);
    h.advance(Duration.ofMinutes(5));
    assertThat(h.allOf(Command.FenceHost.class)).isEmpty();
  }

  @Test
  void bootSlotsHeldUntilTheStartAnswersMakeSerialRestartsBackToBack() {
    HostRecovery serial =
        new HostRecovery(
                3, Duration.ofSeconds(10), 1, 1, Duration.ofSeconds(30), SafetyValve.ofDefaults())
            .withBootSlot(HostRecovery.BootSlot.UNTIL_STARTED);
    EngineHarness h =
        new EngineHarness(
            Fixtures.cluster(3, 3), StandardRecoveryPolicy.builder().hostRecovery(serial).build());
    h.allUp();
    h.placed(h.downAndFenced(H1));
    assertThat(h.allOf(Command.StartVm.class)).as("one at a time").hasSize(1);
    h.done(h.last(Command.StartVm.class));
    assertThat(h.allOf(Command.StartVm.class))
        .as("the next one as soon as the first start answered, before it is seen up")
        .hasSize(2);
    h.done(h.last(Command.StartVm.class));
    assertThat(h.allOf(Command.StartVm.class)).hasSize(3);
  }

  @Test
  void bootSlotsHeldUntilUpWaitForTheVmToBeSeen() {
    EngineHarness h = new EngineHarness(Fixtures.cluster(3, 3), Fixtures.policy(1, 1));
    h.allUp();
    h.placed(h.downAndFenced(H1));
    Command.StartVm first = h.last(Command.StartVm.class);
    h.done(first);
    assertThat(h.allOf(Command.StartVm.class)).hasSize(1);
    h.health(first.vm(), Health.UP);
    assertThat(h.allOf(Command.StartVm.class)).hasSize(2);
  }

  @Test
  void startsRespectThePerHostBootLimitAndPriority() {
    Topology t =
        Topology.of(
            List.of(
                Host.builder("h1").capacity(16, 65536).build(),
                Host.builder("h2").capacity(16, 65536).loadThreshold(100).build()),
            List.of(
                Vm.builder("low").homeHost("h1").restartPriority(1).build(),
                Vm.builder("mid").homeHost("h1").restartPriority(5).build(),
                Vm.builder("top").homeHost("h1").restartPriority(9).build()),
            List.of());
    EngineHarness h = new EngineHarness(t, Fixtures.policy(1, 16));
    h.allUp();
    h.placed(h.downAndFenced(H1));
    assertThat(h.allOf(Command.StartVm.class))
        .extracting(s -> s.vm().name())
        .containsExactly("top");
    assertThat(h.vm("mid").phase()).isEqualTo(VmPhase.START_PENDING);
    h.done(h.last(Command.StartVm.class));
    h.health(VmId.of("top"), Health.UP);
    assertThat(h.allOf(Command.StartVm.class))
        .extracting(s -> s.vm().name())
        .containsExactly("top", "mid");
    h.done(h.last(Command.StartVm.class));
    h.advance(Duration.ofMinutes(3));
    assertThat(h.allOf(Command.StartVm.class))
        .extracting(s -> s.vm().name())
        .containsExactly("top", "mid", "low");
  }

  @Test
  void noStartBeforeTheHostIsProvenOffEvenIfVmsReportDown() {
    EngineHarness h = new EngineHarness(Fixtures.cluster(3, 2), Fixtures.policy());
    h.allUp();
    h.health(H1, Health.DOWN);
    h.unreachable(VmId.of("vm1"));
    h.advance(Duration.ofMinutes(30));
    assertThat(h.allOf(Command.StartVm.class)).isEmpty();
    assertThat(h.allOf(Command.PowerCycleVm.class)).isEmpty();
    assertThat(h.allOf(Command.PlaceVms.class)).isEmpty();
  }

  @Test
  void fencingIsRetriedThenEscalatedToTheOperatorWhoCanConfirm() {
    EngineHarness h = new EngineHarness(Fixtures.cluster(3, 2), Fixtures.policy());
    h.allUp();
    h.health(H1, Health.DOWN);
    for (int attempt = 1; attempt <= 3; attempt++) {
      Command.FenceHost f = h.last(Command.FenceHost.class);
      assertThat(f.attempt()).isEqualTo(attempt);
      h.fenceFailed(f);
      h.advance(Duration.ofSeconds(10));
    }
    assertThat(
            h.notification(
                n ->
                    n.notification().severity() == Severity.CRITICAL
                        && n.notification().title().contains("Cannot fence")))
        .isPresent();
    assertThat(h.allOf(Command.FenceHost.class)).hasSize(4);
    assertThat(h.allOf(Command.PlaceVms.class)).isEmpty();
    h.give(new Input.ConfirmFenced(H1, "carol", h.now));
    assertThat(h.host("h1").phase()).isEqualTo(HostPhase.FENCED);
    assertThat(h.last(Command.PlaceVms.class).requests()).hasSize(2);
  }

  @Test
  void aDownHostMutesItsVmsWithTheirServicesAndUnmutesThemWhenItStandsDown() {
    Topology t = Fixtures.withService();
    EngineHarness h = new EngineHarness(t, Fixtures.policy());
    h.allUp();
    Set<SubjectId> alarms = new HashSet<>(Set.of(VmId.of("web")));
    t.servicesOf(VmId.of("web")).forEach(s -> alarms.add(s.id()));
    assertThat(alarms).hasSize(2);

    h.health(H1, Health.DOWN);
    h.health(H1, Health.UP);
    h.fenceFailed(h.last(Command.FenceHost.class));

    assertThat(h.allOf(Command.UpdateMonitoring.class))
        .extracting(Command.UpdateMonitoring::update)
        .satisfiesExactly(
            mute ->
                assertThat(mute)
                    .isInstanceOfSatisfying(
                        MonitoringUpdate.Mute.class,
                        m -> assertThat(m.subjects()).containsExactlyInAnyOrderElementsOf(alarms)),
            unmute ->
                assertThat(unmute)
                    .isInstanceOfSatisfying(
                        MonitoringUpdate.Unmute.class,
                        u -> assertThat(u.subjects()).containsExactlyInAnyOrderElementsOf(alarms)));
  }

  @Test
  void hostThatComesBackBeforeFencingStandsDownAndUnmutes() {
    EngineHarness h = new EngineHarness(Fixtures.cluster(3, 2), Fixtures.policy());
    h.allUp();
    h.health(H1, Health.DOWN);
    h.health(H1, Health.UP);
    assertThat(h.host("h1").phase()).as("a fence command is running").isEqualTo(HostPhase.FENCING);
    h.fenceFailed(h.last(Command.FenceHost.class));
    assertThat(h.host("h1").phase()).isEqualTo(HostPhase.UP);
    assertThat(h.vm("vm1").phase()).isEqualTo(VmPhase.HEALTHY);
    assertThat(h.vm("vm1").location()).contains(H1);
    assertThat(h.allOf(Command.UpdateMonitoring.class))
        .anyMatch(u -> u.update() instanceof MonitoringUpdate.Unmute);
    assertThat(h.allOf(Command.StartVm.class)).isEmpty();
  }

  @Test
  void fencedHostThatComesBackStillHasItsVmsRestartedElsewhereOnce() {
    EngineHarness h = new EngineHarness(Fixtures.cluster(3, 2), Fixtures.policy());
    h.allUp();
    h.health(H1, Health.DOWN);
    Command.FenceHost f = h.last(Command.FenceHost.class);
    h.health(H1, Health.UP);
    h.fenced(f);
    h.placed(h.last(Command.PlaceVms.class));
    assertThat(h.allOf(Command.StartVm.class)).hasSize(2).noneMatch(s -> s.host().equals(H1));
  }

  @Test
  void vmsThatFitNowhereWaitAndStartWhenCapacityAppears() {
    Topology t =
        Topology.of(
            List.of(
                Host.builder("h1").capacity(4, 4096).build(),
                Host.builder("h2").capacity(4, 4096).build()),
            List.of(
                Vm.builder("a").homeHost("h1").demand(2, 2048).build(),
                Vm.builder("b").homeHost("h1").demand(2, 2048).build(),
                Vm.builder("c").homeHost("h2").demand(3, 3072).build()),
            List.of());
    EngineHarness h = new EngineHarness(t, Fixtures.policy());
    h.allUp();
    h.placed(h.downAndFenced(H1));
    assertThat(h.vm("a").phase()).isEqualTo(VmPhase.QUEUED);
    assertThat(h.vm("b").phase()).isEqualTo(VmPhase.QUEUED);
    assertThat(h.vm("a").reason()).contains("HOST_DOWN x1").contains("CPU x1");
    assertThat(h.notification(n -> n.notification().title().contains("waits for capacity")))
        .isPresent();
    h.advance(Duration.ofSeconds(30));
    Command.PlaceVms retry = h.last(Command.PlaceVms.class);
    assertThat(retry.requests()).hasSize(2);
    h.placed(retry);
    assertThat(h.vm("a").phase()).isEqualTo(VmPhase.QUEUED);
    h.health(H1, Health.UP);
    h.placed(h.last(Command.PlaceVms.class));
    assertThat(h.allOf(Command.StartVm.class)).extracting(s -> s.host().name()).containsOnly("h1");
    assertThat(h.allOf(Command.StartVm.class)).hasSize(2);
  }

  @Test
  void assignedVmWhoseTargetFailsBeforeItStartsIsPlacedAgain() {
    EngineHarness h = new EngineHarness(Fixtures.cluster(3, 3), Fixtures.policy(1, 1));
    h.allUp();
    h.placed(h.downAndFenced(H1));
    assertThat(h.allOf(Command.StartVm.class)).hasSize(1);
    VmRecord pending =
        h.state.vms().values().stream()
            .filter(v -> v.phase() == VmPhase.START_PENDING)
            .findFirst()
            .orElseThrow();
    HostId target = pending.target().orElseThrow();
    h.health(target, Health.DOWN);
    assertThat(h.last(Command.PlaceVms.class).requests())
        .anyMatch(r -> r.vm().equals(pending.id()));
  }
}
