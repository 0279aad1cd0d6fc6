package org.relaxha.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.ManualClock;

class InMemoryMonitorTest {
  private static final HostId H1 = HostId.of("h1");
  private static final VmId WEB = VmId.of("web-1");
  private final ManualClock clock = ManualClock.atOddInstant();
  private final InMemoryMonitor monitor = new InMemoryMonitor("nagios", clock).covering(H1, WEB);
  private final RecordingSink sink = new RecordingSink();

  @Test
  void buffersUntilStartThenDeliversOnThePushingThread() {
    assertThat(monitor.observe(H1, ObservedStatus.UP)).isTrue();
    assertThat(sink.observations()).isEmpty();
    monitor.start(sink);
    monitor.observe(WEB, ObservedStatus.UNREACHABLE, "ping timeout");
    assertThat(sink.observations())
        .extracting(Observation::subject, Observation::status, Observation::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(H1, ObservedStatus.UP, "nagios"),
            org.assertj.core.groups.Tuple.tuple(WEB, ObservedStatus.UNREACHABLE, "nagios"));
    assertThat(sink.observations().get(1).at()).isEqualTo(ManualClock.ODD_START);
    assertThat(sink.deliveringThreads()).containsExactly(Thread.currentThread());
  }

  @Test
  void reportsSourcesAndDropsAfterClose() {
    monitor.start(sink);
    monitor.sourceLost("gmetad down");
    monitor.sourceRestored();
    assertThat(sink.statuses()).extracting(s -> s.available()).containsExactly(false, true);
    monitor.close();
    assertThat(monitor.observe(H1, ObservedStatus.UP)).isFalse();
    assertThat(monitor.dropped()).isEqualTo(1);
    assertThat(sink.observations()).isEmpty();
    assertThat(monitor.isStarted()).isFalse();
  }

  @Test
  void startFailuresAndDoubleStarts() {
    monitor.failStartWith(new IllegalStateException("monitor nagios: url is not set"));
    assertThatThrownBy(() -> monitor.start(sink)).hasMessageContaining("url");
    monitor.start(sink);
    assertThatThrownBy(() -> monitor.start(sink)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void recordsMonitoringControlCalls() {
    Set<SubjectId> subjects = Set.of(WEB);
    assertThat(monitor.mute(subjects, "host h1 down").succeeded()).isTrue();
    assertThat(monitor.muted()).containsExactly(WEB);
    monitor.failNextControl(ActionResult.unreachable("nagios cmd pipe closed"));
    assertThat(monitor.unmute(subjects, "recovered").succeeded()).isFalse();
    assertThat(monitor.muted()).containsExactly(WEB);
    assertThat(monitor.unmute(subjects, "recovered").succeeded()).isTrue();
    assertThat(monitor.muted()).isEmpty();
    monitor.vmMoved(WEB, H1, HostId.of("h2"));
    assertThat(monitor.calls("vmMoved"))
        .singleElement()
        .satisfies(c -> assertThat(c.arguments()).containsExactly(WEB, H1, HostId.of("h2")));
    assertThat(monitor.calls()).hasSize(4);
  }
}
