package org.relaxha.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.notify.Severity;

class SimulationTest {
  private static final HostId NODE_A = HostId.of("node-a");

  private static Scenario fourIncidents(Scenario.Builder b) {
    return b.failure(
            Failure.of(
                Duration.ofMinutes(1), FailureKind.SERVICE_CRASH, ServiceId.of("web-1", "httpd")))
        .failure(Failure.of(Duration.ofMinutes(4), FailureKind.VM_CRASH, VmId.of("batch-1")))
        .failure(Failure.of(Duration.ofMinutes(7), FailureKind.VM_HANG, VmId.of("cache-1")))
        .failure(Failure.of(Duration.ofMinutes(12), FailureKind.HOST_ISOLATION, NODE_A))
        .build();
  }

  @Test
  void everyIncidentRecoversWithItsMilestonesInOrder() {
    RunResult r = Simulation.run(fourIncidents(TestScenarios.smallScenario()));
    assertThat(r.violations()).isEmpty();
    assertThat(r.incidents()).hasSize(4);
    for (IncidentResult i : r.incidents()) {
      assertThat(i.outcome()).as(i.title()).isEqualTo(IncidentResult.Outcome.RECOVERED);
      assertThat(i.offset(Phase.DETECT)).as(i.title()).isPresent();
      assertThat(i.offset(Phase.BOOT).orElseThrow())
          .isGreaterThanOrEqualTo(i.offset(Phase.DETECT).orElseThrow());
      assertThat(i.offset(Phase.BACK).orElseThrow())
          .isGreaterThan(i.offset(Phase.BOOT).orElseThrow());
      assertThat(i.offset(Phase.VERIFIED).orElseThrow())
          .isGreaterThanOrEqualTo(i.offset(Phase.BACK).orElseThrow());
    }
    IncidentResult host = r.incidents().get(3);
    assertThat(host.affected())
        .containsExactlyInAnyOrder(VmId.of("cache-1"), VmId.of("db-1"), VmId.of("web-1"));
    assertThat(host.phases()).containsKeys(Phase.MUTE, Phase.FENCE, Phase.PLACE);
    assertThat(host.offset(Phase.FENCE).orElseThrow())
        .as("no VM placed before its host was proven off")
        .isLessThanOrEqualTo(host.offset(Phase.PLACE).orElseThrow());
  }

  @Test
  void aRunIsDeterministicForItsSeedAndDrawsDifferentlyForAnother() {
    Scenario s = fourIncidents(TestScenarios.smallScenario());
    List<TimelineEvent> once = Simulation.run(s).incidents().get(3).events();
    List<TimelineEvent> again = Simulation.run(s).incidents().get(3).events();
    List<TimelineEvent> other =
        Simulation.run(s, 99, Simulation.Options.plain()).incidents().get(3).events();
    assertThat(again).isEqualTo(once);
    assertThat(other).isNotEqualTo(once);
  }

  @Test
  void aControllerRestartMidRecoveryResumesOnItsDurableState() {
    Scenario s =
        TestScenarios.smallScenario()
            .failure(Failure.of(Duration.ofMinutes(2), FailureKind.HOST_POWER_LOSS, NODE_A))
            .failure(
                Failure.of(
                        Duration.ofMinutes(2).plusSeconds(6), FailureKind.CONTROLLER_RESTART, null)
                    .lasting(Duration.ofSeconds(20)))
            .build();
    RunResult r = Simulation.run(s, 3, Simulation.Options.settling(Duration.ofMinutes(30)));
    assertThat(r.controllerStarts()).isEqualTo(2);
    assertThat(r.violations()).isEmpty();
    assertThat(r.incidents().get(0).outcome()).isEqualTo(IncidentResult.Outcome.RECOVERED);
  }

  @Test
  void aDestructiveCrashIsRepairedByAReinstall() {
    Scenario s =
        TestScenarios.smallScenario()
            .failure(
                Failure.of(
                    Duration.ofMinutes(1), FailureKind.DESTRUCTIVE_CRASH, VmId.of("batch-1")))
            .build();
    RunResult r = Simulation.run(s);
    IncidentResult i = r.incidents().get(0);
    assertThat(i.outcome()).isEqualTo(IncidentResult.Outcome.RECOVERED);
    assertThat(i.events())
        .anyMatch(e -> e.label().equals("boot") && e.detail().startsWith("REINSTALL"));
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void aVmThatMayNotBeReinstalledIsGivenUpWithANotification() {
    Scenario s =
        TestScenarios.smallScenario()
            .failure(
                Failure.of(Duration.ofMinutes(1), FailureKind.DESTRUCTIVE_CRASH, VmId.of("web-2")))
            .build();
    RunResult r = Simulation.run(s, 1, Simulation.Options.settling(Duration.ofMinutes(30)));
    assertThat(r.incidents().get(0).outcome()).isEqualTo(IncidentResult.Outcome.GAVE_UP);
    assertThat(r.notifications())
        .anyMatch(n -> n.severity() == Severity.CRITICAL && n.title().contains("web-2"));
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void flappingFailingFencingAndSlowFencingAreSurvived() {
    Scenario s =
        TestScenarios.smallScenario()
            .failure(
                Failure.of(Duration.ofMinutes(1), FailureKind.FENCE_FAILS, NODE_A)
                    .lasting(Duration.ofMinutes(2)))
            .failure(Failure.of(Duration.ofMinutes(1), FailureKind.HOST_POWER_LOSS, NODE_A))
            .failure(
                Failure.of(Duration.ofMinutes(6), FailureKind.FLAPPING, VmId.of("web-2"))
                    .lasting(Duration.ofMinutes(3))
                    .withPeriod(Duration.ofSeconds(25)))
            .build();
    RunResult r = Simulation.run(s, 5, Simulation.Options.settling(Duration.ofMinutes(40)));
    assertThat(r.violations()).isEmpty();
    IncidentResult host = r.incidents().get(0);
    assertThat(host.events()).anyMatch(e -> e.label().equals("fence failed"));
    assertThat(host.outcome()).isEqualTo(IncidentResult.Outcome.RECOVERED);
  }
}
