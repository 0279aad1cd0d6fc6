package org.relaxha.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.core.runtime.HaController;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Topology;

/** {@code relaxha run} on a state directory whose journal was damaged. */
class RunCommandTest {
  private final CapturedLauncher launcher = new CapturedLauncher();

  private int run(String... args) {
    return launcher.run(args);
  }

  @Test
  void aBitFlippedJournalStopsTheStartWithTheFileAndOffset(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("state");
    Topology topology =
        Topology.of(
            List.of(Host.builder("node-a").capacity(8, 8192).build()), List.of(), List.of());
    try (HaController c = HaController.builder().topology(topology).stateDirectory(state).build()) {
      c.start();
      c.setMaintenance(HostId.of("node-a"), true, "test");
      c.setMaintenance(HostId.of("node-a"), false, "test");
      c.status();
    }
    Path segment;
    try (Stream<Path> files = Files.list(state)) {
      segment =
          files.filter(p -> p.getFileName().toString().endsWith(".log")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(segment);
    assertThat(bytes.length).as("journal has records").isGreaterThan(40);
    bytes[bytes.length - 3] ^= 0x10;
    Files.write(segment, bytes);
    Files.deleteIfExists(state.resolve("snapshot-00000000000000000002.bin"));
    try (Stream<Path> files = Files.list(state)) {
      for (Path p :
          files.filter(p -> p.getFileName().toString().startsWith("snapshot-")).toList()) {
        Files.delete(p);
      }
    }
    Path config = dir.resolve("site.yaml");
    Files.writeString(
        config,
        "stateDirectory: " + state + "\nhosts:\n  - { name: node-a, cpus: 8, memory: 8GiB }\n");
    assertThat(run("run", "--config", config.toString())).isEqualTo(1);
    assertThat(launcher.err())
        .startsWith("relaxha: cannot start: " + segment)
        .contains("CRC32C")
        .contains("(relaxha run --repair)");
  }
}
