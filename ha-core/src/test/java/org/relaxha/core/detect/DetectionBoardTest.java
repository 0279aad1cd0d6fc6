package org.relaxha.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.SourceStatus;

class DetectionBoardTest {
  private static final Instant T0 = Instant.parse("2026-10-25T00:59:58.500Z");
  private static final HostId H1 = HostId.of("h1");
  private static final HostId H2 = HostId.of("h2");
  private static final VmId VM = VmId.of("web");
  private static final ServiceId SVC = ServiceId.of("web", "httpd");

  private DetectionBoard board;
  private Instant now = T0;

  @BeforeEach
  void setUp() {
    Topology t =
        Topology.of(
            List.of(
                Host.builder("h1").criticality(Criticality.HIGH).build(),
                Host.builder("h2").build()),
            List.of(Vm.builder("web").homeHost("h1").criticality(Criticality.HIGH).build()),
            List.of(new Service(SVC, Criticality.HIGH, "httpd")));
    board = new DetectionBoard(t, DetectionPolicy.ofDefaults(), T0);
    board.cover("nagios", Set.of(H1, H2, VM, SVC));
  }

  private List<Verdict> see(SubjectId s, ObservedStatus status) {
    return board.observe(Observation.of(s, status, now, "nagios", ""), now);
  }

  private List<Verdict> at(Duration d) {
    now = T0.plus(d);
    return board.sweep(now);
  }

  @Test
  void observationsMadeBeforeAVmsNewIncarnationAreIgnored() {
    see(VM, ObservedStatus.UP);
    at(Duration.ofSeconds(15));
    see(H2, ObservedStatus.UP);
    board.locate(VM, Optional.empty(), now);
    board.locate(VM, Optional.of(H2), now);
    Instant before = now.minusSeconds(10);
    List<Verdict> stale =
        board.observe(Observation.of(VM, ObservedStatus.UP, before, "ganglia", "TN=10s"), now);
    assertThat(stale).as("a heartbeat of its previous life on h1").isEmpty();
    assertThat(board.raw(VM, now)).isEqualTo(Health.UNKNOWN);
    assertThat(see(VM, ObservedStatus.UP)).extracting(Verdict::health).containsExactly(Health.UP);
  }

  @Test
  void twoFailedChecksMakeDownOneMakesSuspect() {
    assertThat(see(H1, ObservedStatus.UP)).extracting(Verdict::health).containsExactly(Health.UP);
    assertThat(see(H1, ObservedStatus.UNREACHABLE))
        .extracting(Verdict::health)
        .containsExactly(Health.SUSPECT);
    List<Verdict> down = see(H1, ObservedStatus.UNREACHABLE);
    assertThat(down).extracting(Verdict::health).containsExactly(Health.DOWN);
    assertThat(down.get(0).reason()).contains("2 failed check(s)");
    assertThat(see(H1, ObservedStatus.UP)).extracting(Verdict::health).containsExactly(Health.UP);
  }

  @Test
  void authoritativeFailureIsDownAtOnce() {
    see(VM, ObservedStatus.UP);
    List<Verdict> v =
        board.observe(
            Observation.of(VM, ObservedStatus.UNREACHABLE, now, "libvirt", "crashed")
                .asAuthoritative(),
            now);
    assertThat(v)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.health()).isEqualTo(Health.DOWN);
              assertThat(x.guestReachable()).isFalse();
            });
  }

  @Test
  void silenceOfAHighCriticalityHostIsSuspectAfter30sAndDownAfter50s() {
    see(H1, ObservedStatus.UP);
    assertThat(board.nextDeadline(now)).contains(T0.plusSeconds(30));
    assertThat(at(Duration.ofSeconds(29))).isEmpty();
    assertThat(at(Duration.ofSeconds(30)))
        .extracting(Verdict::subject, Verdict::health)
        .contains(org.assertj.core.groups.Tuple.tuple(H1, Health.SUSPECT));
    assertThat(board.nextDeadline(now)).contains(T0.plusSeconds(50));
    assertThat(at(Duration.ofSeconds(50)))
        .extracting(Verdict::subject, Verdict::health)
        .contains(org.assertj.core.groups.Tuple.tuple(H1, Health.DOWN));
  }

  @Test
  void aVmsAlarmsWaitForItsHostAndComeBackWhenTheHostDoes() {
    see(H1, ObservedStatus.UP);
    see(VM, ObservedStatus.UP);
    see(SVC, ObservedStatus.UP);
    see(H1, ObservedStatus.UNREACHABLE);
    assertThat(see(VM, ObservedStatus.UNREACHABLE)).isEmpty();
    assertThat(see(VM, ObservedStatus.UNREACHABLE)).isEmpty();
    assertThat(see(SVC, ObservedStatus.FAILED)).isEmpty();
    assertThat(board.view(VM, now).mutedBy()).contains(H1);
    assertThat(board.view(SVC, now).mutedBy()).contains(H1);
    List<Verdict> back = see(H1, ObservedStatus.UP);
    assertThat(back)
        .extracting(Verdict::subject, Verdict::health)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(H1, Health.UP),
            org.assertj.core.groups.Tuple.tuple(VM, Health.DOWN));
    assertThat(board.view(SVC, now).mutedBy()).contains(VM);
  }

  @Test
  void lostMonitoringMakesSubjectsUnknownNotDownAndRestoreDoesNotFireAtOnce() {
    see(H1, ObservedStatus.UP);
    List<Verdict> lost =
        board.sourceStatus(SourceStatus.lost("nagios", "status.dat", "stale", now), now);
    assertThat(lost)
        .extracting(Verdict::subject, Verdict::health)
        .contains(org.assertj.core.groups.Tuple.tuple(H1, Health.UNKNOWN));
    assertThat(at(Duration.ofMinutes(10))).isEmpty();
    assertThat(board.raw(H1, now)).isEqualTo(Health.UNKNOWN);
    List<Verdict> restored =
        board.sourceStatus(SourceStatus.restored("nagios", "status.dat", now), now);
    assertThat(restored).extracting(Verdict::health).doesNotContain(Health.DOWN, Health.SUSPECT);
  }

  @Test
  void uncoveredSubjectsAreNotJudgedBySilence() {
    DetectionBoard b =
        new DetectionBoard(
            Topology.of(List.of(Host.builder("h1").build()), List.of(), List.of()),
            DetectionPolicy.ofDefaults(),
            T0);
    b.observe(Observation.of(H1, ObservedStatus.UP, T0, "probe", ""), T0);
    assertThat(b.sweep(T0.plus(Duration.ofHours(1)))).isEmpty();
    assertThat(b.nextDeadline(T0)).isEmpty();
  }

  @Test
  void aVmStartedOnAnotherHostIsANewIncarnation() {
    see(H1, ObservedStatus.UP);
    see(H2, ObservedStatus.UP);
    see(VM, ObservedStatus.UP);
    assertThat(board.locate(VM, Optional.of(H2), now)).isEmpty();
    assertThat(board.raw(VM, now)).isEqualTo(Health.UNKNOWN);
    assertThat(see(VM, ObservedStatus.UP)).extracting(Verdict::health).containsExactly(Health.UP);
  }

  @Test
  void staleObservationsAreIgnored() {
    see(VM, ObservedStatus.UP);
    now = T0.plusSeconds(10);
    see(VM, ObservedStatus.UP);
    assertThat(
            board.observe(
                Observation.of(VM, ObservedStatus.UNREACHABLE, T0.plusSeconds(5), "late", ""), now))
        .isEmpty();
  }

  @Test
  void aPhiAccrualClassJudgesSilenceAtItsDeadlines() {
    Topology t =
        Topology.of(
            List.of(Host.builder("h1").criticality(Criticality.HIGH).build()),
            List.of(),
            List.of());
    DetectionPolicy policy =
        DetectionPolicy.builder()
            .check(Criticality.HIGH, Duration.ofSeconds(1), 2)
            .phiAccrual(Criticality.HIGH, PhiAccrual.ofDefaults())
            .build();
    assertThat(policy.phiAccrualOf(Criticality.HIGH)).contains(PhiAccrual.ofDefaults());
    assertThat(policy.phiAccrualOf(Criticality.LOW)).isEmpty();
    assertThat(DetectionPolicy.ofDefaults().phiAccrualOf(Criticality.HIGH)).isEmpty();
    board = new DetectionBoard(t, policy, T0);
    board.cover("heartbeat", Set.of(H1));
    for (int i = 0; i < 300; i++) {
      now = T0.plusMillis(1000L * i + (i % 3) * 7);
      board.observe(Observation.of(H1, ObservedStatus.UP, now, "heartbeat", ""), now);
      assertThat(board.sweep(now)).isEmpty();
    }
    Instant last = now;
    assertThat(board.raw(H1, now)).isEqualTo(Health.UP);
    Instant suspectAt = board.nextDeadline(now).orElseThrow();
    assertThat(Duration.between(last, suspectAt))
        .isBetween(Duration.ofMillis(1000), Duration.ofMillis(1200));
    assertThat(board.sweep(suspectAt.minusMillis(1))).isEmpty();
    now = suspectAt;
    assertThat(board.sweep(now)).extracting(Verdict::health).containsExactly(Health.SUSPECT);
    Instant downAt = board.nextDeadline(now).orElseThrow();
    assertThat(Duration.between(last, downAt))
        .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(8));
    now = downAt;
    List<Verdict> down = board.sweep(now);
    assertThat(down).extracting(Verdict::health).containsExactly(Health.DOWN);
    assertThat(down.get(0).reason()).contains("phi").contains("lost heartbeat");
    assertThat(board.nextDeadline(now)).isEmpty();
    now = now.plusSeconds(1);
    assertThat(see(H1, ObservedStatus.UP)).extracting(Verdict::health).containsExactly(Health.UP);
  }
}
