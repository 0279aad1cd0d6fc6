package org.relaxha.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.notify.Notification;
import org.relaxha.spi.notify.Severity;
import org.relaxha.testkit.ManualClock;

class RecordingNotifierTest {
  private final RecordingNotifier notifier =
      new RecordingNotifier("mail", ManualClock.atOddInstant());

  private static Notification note(Severity severity) {
    return new Notification(severity, Optional.empty(), "t", "m", ManualClock.ODD_START);
  }

  @Test
  void recordsDeliveredNotificationsOnly() {
    notifier.send(note(Severity.INFO));
    notifier.failNext(ActionResult.unreachable("smtp down"));
    assertThat(notifier.send(note(Severity.CRITICAL)).succeeded()).isFalse();
    notifier.send(note(Severity.CRITICAL));
    assertThat(notifier.sent()).hasSize(2);
    assertThat(notifier.sent(Severity.CRITICAL)).hasSize(1);
    assertThat(notifier.calls()).hasSize(3);
    notifier.throwNext(new IllegalStateException("bug"));
    assertThatThrownBy(() -> notifier.send(note(Severity.INFO))).hasMessage("bug");
    notifier.clear();
    assertThat(notifier.sent()).isEmpty();
  }

  @Test
  void awaitSentWaitsForOtherThreads() throws Exception {
    var gate = notifier.hangNext();
    CompletableFuture<ActionResult> sending =
        CompletableFuture.supplyAsync(() -> notifier.send(note(Severity.WARNING)));
    assertThat(notifier.awaitSent(1, Duration.ofMillis(20))).isFalse();
    gate.release();
    assertThat(notifier.awaitSent(1, Duration.ofSeconds(5))).isTrue();
    assertThat(sending.get().succeeded()).isTrue();
  }
}
