package org.relaxha.monitor.ganglia;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceRotationTest {
  private static final long SEC = 1_000_000_000L;
  private final GangliaSource a =
      GangliaSource.parse("a:1", Duration.ofSeconds(5), Duration.ofSeconds(1));
  private final GangliaSource b =
      GangliaSource.parse("b:1", Duration.ofSeconds(5), Duration.ofSeconds(1));

  @Test
  void failedSourcesBackOffExponentiallyUpToTheMaximum() {
    SourceRotation r = new SourceRotation(List.of(a, b), Duration.ofSeconds(18));
    long t = 1_000 * SEC;
    assertThat(r.due(t)).containsExactly(a, b);
    r.failed(a, "refused", t);
    assertThat(r.due(t)).containsExactly(b);
    assertThat(r.due(t + 5 * SEC)).containsExactly(a, b);
    r.failed(a, "refused", t);
    assertThat(r.due(t + 9 * SEC)).containsExactly(b);
    assertThat(r.due(t + 10 * SEC)).containsExactly(a, b);
    r.failed(a, "refused", t);
    r.failed(a, "refused", t);
    assertThat(r.due(t + 17 * SEC)).containsExactly(b);
    assertThat(r.due(t + 18 * SEC)).as("capped at maxBackoff").containsExactly(a, b);
    assertThat(r.failing()).containsOnlyKeys(a).containsValue("refused");
    r.succeeded(a);
    assertThat(r.failing()).isEmpty();
    assertThat(r.due(t)).containsExactly(a, b);
  }

  @Test
  void nextDueIsTheEarliestRetry() {
    SourceRotation r = new SourceRotation(List.of(a, b), Duration.ofSeconds(60));
    long t = 50 * SEC;
    r.failed(a, "x", t);
    r.failed(b, "y", t + SEC);
    assertThat(r.nextDue(t)).isEqualTo(t + 5 * SEC);
    r.succeeded(b);
    assertThat(r.nextDue(t)).isEqualTo(t);
  }
}
