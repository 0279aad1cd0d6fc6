package org.relaxha.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

class CallLogTest {
  private final ManualClock clock = ManualClock.atOddInstant();
  private final CallLog log = new CallLog(clock);

  @Test
  void recordsCallsInOrderWithTheirInstant() {
    log.record("startVm", "done", VmId.of("web-1"), HostId.of("h1"));
    clock.advance(Duration.ofSeconds(1));
    log.record("stopVm", "done", VmId.of("web-1"), HostId.of("h1"));
    assertThat(log.all()).extracting(Call::sequence).containsExactly(1L, 2L);
    assertThat(log.of("stopVm"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.at()).isEqualTo(ManualClock.ODD_START.plusSeconds(1));
              assertThat(c.argument(0, VmId.class)).isEqualTo(VmId.of("web-1"));
              assertThat(c.involves(HostId.of("h1"))).isTrue();
            });
    assertThat(log.count("startVm")).isEqualTo(1);
    log.clear();
    assertThat(log.all()).isEmpty();
    assertThat(log.record("x", "r").sequence()).isEqualTo(3);
  }

  @Test
  void awaitWaitsForCallsFromOtherThreads() throws Exception {
    Thread other = new Thread(() -> log.record("fence", "ok", HostId.of("h2")));
    other.start();
    assertThat(log.await(c -> c.operation().equals("fence"), 1, Duration.ofSeconds(5))).isTrue();
    assertThat(log.await(c -> c.operation().equals("fence"), 2, Duration.ofMillis(10))).isFalse();
    other.join();
  }
}
