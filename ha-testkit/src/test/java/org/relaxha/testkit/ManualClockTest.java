package org.relaxha.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ManualClockTest {
  private final ManualClock clock = ManualClock.atOddInstant();

  @Test
  void startsWhereItIsTold() {
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-29T01:59:59.123Z"));
    assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli());
  }

  @Test
  void advancesAndSetsForward() {
    assertThat(clock.advance(Duration.ofMillis(877)))
        .isEqualTo(Instant.parse("2026-03-29T02:00:00Z"));
    assertThat(clock.set(Instant.parse("2026-03-29T02:00:00Z"))).isEqualTo(clock.instant());
    clock.set(Instant.parse("2026-03-29T03:00:00Z"));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-29T03:00:00Z"));
  }

  @Test
  void refusesToGoBackwardsExceptByAnExplicitJump() {
    Instant before = clock.instant();
    assertThatThrownBy(() -> clock.set(before.minusNanos(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jumpTo");
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step");
    assertThat(clock.instant()).isEqualTo(before);
    assertThat(clock.jumpTo(before.minusSeconds(3600))).isEqualTo(before.minusSeconds(3600));
  }

  @Test
  void awaitInstantReturnsOnceAnotherThreadMovedTheClock() throws Exception {
    Instant target = clock.instant().plusSeconds(30);
    CompletableFuture<Void> waiter =
        CompletableFuture.runAsync(
            () -> {
              try {
                clock.awaitInstant(target);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    clock.advance(Duration.ofSeconds(29));
    assertThat(waiter).isNotDone();
    clock.advance(Duration.ofSeconds(1));
    waiter.get(5, TimeUnit.SECONDS);
  }

  @Test
  void awaitInstantWithATimeoutGivesUp() throws InterruptedException {
    assertThat(clock.awaitInstant(clock.instant().plusSeconds(1), Duration.ofMillis(20))).isFalse();
    assertThat(clock.awaitInstant(clock.instant(), Duration.ZERO)).isTrue();
  }

  @Test
  void sleepIsInterruptible() throws Exception {
    Thread sleeper =
        new Thread(
            () -> {
              try {
                clock.sleep(Duration.ofHours(1));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    sleeper.start();
    sleeper.interrupt();
    sleeper.join(5000);
    assertThat(sleeper.isAlive()).isFalse();
  }

  @Test
  void latencyCanAdvanceOrWaitForTheClock() throws Exception {
    Instant start = clock.instant();
    Latency.advancing(clock, Duration.ofSeconds(7)).elapse();
    assertThat(clock.instant()).isEqualTo(start.plusSeconds(7));

    CompletableFuture<Void> call =
        CompletableFuture.runAsync(
            () -> {
              try {
                Latency.waitingFor(clock, Duration.ofSeconds(5)).elapse();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(50);
    assertThat(call).isNotDone();
    clock.advance(Duration.ofSeconds(5));
    call.get(5, TimeUnit.SECONDS);
    Latency.none().elapse();
  }
}
