package org.relaxha.testkit.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.fake.RecordingSink;

class FileBackedMonitorTest {
  private static final HostId H1 = HostId.of("h1");
  private static final HostId H2 = HostId.of("h2");
  private static final VmId WEB = VmId.of("web-1");
  @TempDir Path dir;

  @Test
  void reportsWhatTheWorldShowsAndItsSourceComingBack() throws Exception {
    FileBackedWorld world =
        FileBackedWorld.create(dir).addHosts("h1", "h2").defineVm(WEB, H1, PowerState.RUNNING);
    RecordingSink sink = new RecordingSink();
    try (FileBackedMonitor monitor =
        new FileBackedMonitor(world, "files", Duration.ofMillis(20)).authoritative(true)) {
      assertThat(monitor.covers()).containsExactlyInAnyOrder(H1, H2, WEB);
      monitor.start(sink);
      assertThat(
              sink.awaitObservations(
                  o -> o.subject().equals(WEB) && o.status() == ObservedStatus.UP,
                  1,
                  Duration.ofSeconds(5)))
          .isTrue();
      assertThat(sink.observationsOf(H1).get(0).metrics())
          .containsEntry(Observation.LOAD_FIVE, 0.0);
      assertThat(sink.observations()).allSatisfy(o -> assertThat(o.authoritative()).isTrue());

      world.isolateHost(H1);
      assertThat(await(sink, H1, ObservedStatus.UNREACHABLE)).isTrue();
      assertThat(await(sink, WEB, ObservedStatus.UNREACHABLE)).isTrue();
      world.crashHost(H2);
      assertThat(await(sink, H2, ObservedStatus.UNREACHABLE)).isTrue();

      Files.move(dir.resolve("state"), dir.resolve("away"));
      assertThat(sink.awaitStatus(s -> !s.available(), Duration.ofSeconds(5))).isTrue();
      Files.move(dir.resolve("away"), dir.resolve("state"));
      assertThat(sink.awaitStatus(s -> s.available(), Duration.ofSeconds(5))).isTrue();
    }
  }

  private static boolean await(RecordingSink sink, Object subject, ObservedStatus status)
      throws InterruptedException {
    return sink.awaitObservations(
        o -> o.subject().equals(subject) && o.status() == status, 1, Duration.ofSeconds(5));
  }

  @Test
  void closeStopsThePollerWithinASecond() throws Exception {
    FileBackedWorld world = FileBackedWorld.create(dir).addHosts("h1");
    RecordingSink sink = new RecordingSink();
    FileBackedMonitor monitor = new FileBackedMonitor(world, "files", Duration.ofSeconds(30));
    monitor.start(sink);
    assertThat(sink.awaitObservations(o -> true, 1, Duration.ofSeconds(5))).isTrue();
    Thread poller = sink.deliveringThreads().get(0);
    assertThat(poller.getName()).isEqualTo("relaxha-file-monitor-files");
    assertThat(poller.isDaemon()).isTrue();
    long started = System.nanoTime();
    monitor.close();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    assertThat(poller.isAlive()).isFalse();
    monitor.close();
  }
}
