package org.relaxha.examples.config;

import java.nio.file.Path;
import java.time.Duration;
import org.relaxha.spi.Require;

/**
 * How the controller runs: where it keeps its journal, how long an adapter call and a fence may
 * take, how many threads execute commands, how often it reads the hypervisors' inventory, and how
 * many journal records go between two snapshots.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stateDirectory the directory of the journal and snapshots (and adapters' own files)
 * @param callTimeout the longest an adapter call may take before it counts as failed
 * @param fenceTimeout the longest a fencing attempt may take
 * @param threads threads of the command executor
 * @param inventoryInterval how often every hypervisor's inventory is read and reconciled
 * @param snapshotEvery journal records between two snapshots
 */
public record ControllerSettings(
    Path stateDirectory,
    Duration callTimeout,
    Duration fenceTimeout,
    int threads,
    Duration inventoryInterval,
    int snapshotEvery) {

  /** The state directory when the configuration names none. */
  public static final Path DEFAULT_STATE_DIRECTORY = Path.of("/var/lib/relaxha");

  /** Validates every field. */
  public ControllerSettings {
    Require.nonNull(stateDirectory, "stateDirectory");
    Require.positive(callTimeout, "controller.callTimeout");
    Require.positive(fenceTimeout, "controller.fenceTimeout");
    Require.atLeast(threads, 1, "controller.threads");
    Require.positive(inventoryInterval, "controller.inventoryInterval");
    Require.atLeast(snapshotEvery, 1, "controller.snapshotEvery");
  }

  /**
   * {@code /var/lib/relaxha}; calls time out after 30 s and fences after 120 s; 8 threads; the
   * inventory is read every 60 s; a snapshot every 1000 journal records.
   */
  public static ControllerSettings ofDefaults() {
    return new ControllerSettings(
        DEFAULT_STATE_DIRECTORY,
        Duration.ofSeconds(30),
        Duration.ofSeconds(120),
        8,
        Duration.ofSeconds(60),
        1000);
  }

  /** A copy with another state directory. */
  public ControllerSettings withStateDirectory(Path directory) {
    return new ControllerSettings(
        directory, callTimeout, fenceTimeout, threads, inventoryInterval, snapshotEvery);
  }
}
