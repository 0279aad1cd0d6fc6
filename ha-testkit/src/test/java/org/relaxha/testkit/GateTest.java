package org.relaxha.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GateTest {

  @Test
  void holdsCallsUntilReleasedThenStaysOpen() throws Exception {
    Gate gate = new Gate();
    Thread caller = new Thread(() -> passQuietly(gate));
    caller.start();
    assertThat(gate.awaitWaiting(1, Duration.ofSeconds(5))).isTrue();
    assertThat(gate.waiting()).isEqualTo(1);
    gate.release();
    caller.join(5000);
    assertThat(caller.isAlive()).isFalse();
    gate.pass();
    assertThat(gate.entered()).isEqualTo(2);
    assertThat(gate.isReleased()).isTrue();
  }

  @Test
  void aWaitingCallRespondsToInterrupt() throws Exception {
    Gate gate = new Gate();
    AtomicBoolean interrupted = new AtomicBoolean();
    Thread caller =
        new Thread(
            () -> {
              try {
                gate.pass();
              } catch (InterruptedException e) {
                interrupted.set(true);
              }
            });
    caller.start();
    assertThat(gate.awaitWaiting(1, Duration.ofSeconds(5))).isTrue();
    caller.interrupt();
    caller.join(5000);
    assertThat(interrupted).isTrue();
    assertThat(gate.interrupted()).isEqualTo(1);
    assertThat(gate.waiting()).isZero();
  }

  @Test
  void awaitWaitingTimesOut() throws InterruptedException {
    assertThat(new Gate().awaitWaiting(1, Duration.ofMillis(10))).isFalse();
  }

  private static void passQuietly(Gate gate) {
    try {
      gate.pass();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
