package org.relaxha.testkit.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.testkit.contract.MonitorContract;

class FileBackedMonitorContractTest extends MonitorContract {
  @TempDir Path dir;

  @Override
  protected Monitor createMonitor() {
    FileBackedWorld world =
        FileBackedWorld.create(dir)
            .addHosts("h1", "h2")
            .defineVm(VmId.of("web-1"), HostId.of("h1"), PowerState.RUNNING)
            .defineVm(VmId.of("db-1"), HostId.of("h2"), PowerState.SHUT_OFF);
    return new FileBackedMonitor(world, "file-monitor", Duration.ofMillis(50));
  }

  @Override
  protected void loseSource(Monitor started) {
    try {
      Files.move(dir.resolve("state"), dir.resolve("state.away"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
