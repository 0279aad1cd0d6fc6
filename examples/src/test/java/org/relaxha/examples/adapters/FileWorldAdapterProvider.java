package org.relaxha.examples.adapters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.relaxha.spi.config.AdapterContext;
import org.relaxha.spi.config.AdapterProvider;
import org.relaxha.spi.config.ConfigSection;
import org.relaxha.testkit.file.FileBackedFencer;
import org.relaxha.testkit.file.FileBackedHypervisor;
import org.relaxha.testkit.file.FileBackedMonitor;
import org.relaxha.testkit.file.FileBackedWorld;

/**
 * A test adapter type {@code file-world}: the file-backed hypervisor, fencer and monitor of
 * ha-testkit over a world directory that outlives the controller's process, so a durability test
 * can kill the controller with SIGKILL and inspect what it did. Reads {@code directory} and {@code
 * pollInterval}.
 */
public final class FileWorldAdapterProvider implements AdapterProvider {
  @Override
  public String type() {
    return "file-world";
  }

  @Override
  public String description() {
    return "test world on files (hypervisor, fencer, monitor)";
  }

  @Override
  public List<Object> create(ConfigSection section, AdapterContext context) {
    Path dir = Path.of(section.string("directory"));
    Duration poll = section.duration("pollInterval", Duration.ofMillis(200));
    section.optionalString("name");
    FileBackedWorld world = FileBackedWorld.open(dir, context.clock());
    return List.of(
        new FileBackedHypervisor(world, "world"),
        new FileBackedFencer(world, "world-power"),
        new FileBackedMonitor(world, "world-probe", poll).authoritative(true));
  }
}
