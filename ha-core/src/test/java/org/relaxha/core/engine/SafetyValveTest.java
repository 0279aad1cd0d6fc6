package org.relaxha.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.notify.Severity;

class SafetyValveTest {
  private static final HostId H1 = HostId.of("h1");
  private static final HostId H2 = HostId.of("h2");
  private static final HostId H3 = HostId.of("h3");

  @Test
  void massFailureHoldsFencingAndTellsTheAdministrators() {
    EngineHarness h = new EngineHarness(Fixtures.cluster(3, 1), Fixtures.policy());
    h.allUp();
    h.health(H1, Health.DOWN);
    h.health(H2, Health.DOWN);
    assertThat(h.host("h2").phase()).isEqualTo(HostPhase.HELD);
    assertThat(h.state.valveTripped()).isTrue();
    assertThat(h.allOf(Command.FenceHost.class))
        .extracting(Command.FenceHost::host)
        .containsExactly(H1);
    assertThat(
            h.notification(
                n ->
                    n.notification().severity() == Severity.CRITICAL
                        && n.notification().title().contains("Safety valve")))
        .isPresent();
    h.health(H3, Health.DOWN);
    assertThat(h.host("h3").phase()).isEqualTo(HostPhase.HELD);
  }

  @Test
  void heldHostsThatComeBackStandDownAndTheValveRearms() {
    EngineHarness h = new EngineHarness(Fixtures.cluster(3, 1), Fixtures.policy());
    h.allUp();
    h.health(H2, Health.DOWN);
    h.health(H3, Health.DOWN);
    assertThat(h.host("h3").phase()).isEqualTo(HostPhase.HELD);
    h.fenceFailed(h.last(Command.FenceHost.class));
    h.health(H2, Health.UP);
    h.health(H3, Health.UP);
    assertThat(h.host("h3").phase()).isEqualTo(HostPhase.UP);
    assertThat(h.state.valveTripped()).isFalse();
  }

  @Test
  void operatorReleaseFencesHeldHosts() {
    EngineHarness h = new EngineHarness(Fixtures.cluster(3, 1), Fixtures.policy());
    h.allUp();
    h.health(H1, Health.DOWN);
    h.health(H2, Health.DOWN);
    h.give(new Input.ReleaseHold("dave", h.now));
    assertThat(h.allOf(Command.FenceHost.class))
        .extracting(Command.FenceHost::host)
        .containsExactly(H1, H2);
    assertThat(h.state.valveTripped()).isFalse();
  }

  @Test
  void failuresFarApartDoNotTripTheValve() {
    EngineHarness h = new EngineHarness(Fixtures.cluster(3, 1), Fixtures.policy());
    h.allUp();
    h.health(H2, Health.DOWN);
    h.advance(Duration.ofMinutes(6));
    h.health(H3, Health.DOWN);
    assertThat(h.host("h3").phase()).isEqualTo(HostPhase.FENCING);
  }
}
