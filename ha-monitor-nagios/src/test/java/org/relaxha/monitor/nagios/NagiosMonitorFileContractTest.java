package org.relaxha.monitor.nagios;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.testkit.contract.MonitorContract;

/**
 * The Monitor conformance kit over a status.dat that a thread of the test rewrites every 100 ms, as
 * Nagios would (the same kit runs against real Nagios in NagiosContractIT). Losing the source stops
 * the writer and deletes the file.
 */
class NagiosMonitorFileContractTest extends MonitorContract {
  @TempDir Path dir;
  private ScheduledExecutorService writer;

  @Override
  protected Monitor createMonitor() {
    Path file = dir.resolve("status.dat");
    writer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "fake-nagios-writer"));
    writer.scheduleWithFixedDelay(() -> write(file), 0, 100, TimeUnit.MILLISECONDS);
    SubjectMap map =
        SubjectMap.builder()
            .hostsByName(NagiosMonitorTest.topology())
            .servicesByName(NagiosMonitorTest.topology())
            .build();
    return new NagiosMonitor(
        NagiosSettings.builder(file, map)
            .pollInterval(Duration.ofMillis(50))
            .staleAfter(Duration.ofSeconds(2))
            .build(),
        NagiosMonitorTest.topology(),
        InstantSource.system());
  }

  private static void write(Path file) {
    long now = Instant.now().getEpochSecond();
    try {
      StatusText.at(Instant.now())
          .host("node-a", 0, true, 1, now)
          .host("web-1", 0, true, 1, now)
          .service("web-1", "httpd", 0, true, 1, now)
          .writeTo(file);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void loseSource(Monitor started) {
    writer.shutdownNow();
    try {
      writer.awaitTermination(5, TimeUnit.SECONDS);
      Files.deleteIfExists(dir.resolve("status.dat"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected boolean isForeignThread(Thread thread) {
    return super.isForeignThread(thread) || thread.getName().equals("fake-nagios-writer");
  }

  @AfterEach
  void stopWriter() {
    writer.shutdownNow();
  }
}
