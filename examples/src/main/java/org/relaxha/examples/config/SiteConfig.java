package org.relaxha.examples.config;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.relaxha.core.detect.DetectionPolicy;
import org.relaxha.core.policy.StandardRecoveryPolicy;
import org.relaxha.spi.Require;
import org.relaxha.spi.config.AdapterContext;
import org.relaxha.spi.model.Topology;

/**
 * A validated site configuration: everything {@code relaxha run} needs before it builds the
 * controller. Built by {@link SiteConfigLoader}; its format is documented in {@code
 * docs/configuration.md}.
 *
 * <p>Immutable and thread-safe, except that the adapters' sections are read once, on the launcher's
 * thread, when the adapters are created.
 *
 * @param file where it came from, as shown in error messages
 * @param controller the controller's settings, with the state directory
 * @param detection check intervals and miss thresholds per criticality class
 * @param policy the recovery ladders and host-failure settings
 * @param topology hosts, VMs (with their home hosts) and services
 * @param adapters the adapters, in file order
 */
public record SiteConfig(
    String file,
    ControllerSettings controller,
    DetectionPolicy detection,
    StandardRecoveryPolicy policy,
    Topology topology,
    List<AdapterConfig> adapters) {

  /** Validates every field and copies the adapter list. */
  public SiteConfig {
    Require.nonBlank(file, "file");
    Require.nonNull(controller, "controller");
    Require.nonNull(detection, "detection");
    Require.nonNull(policy, "policy");
    Require.nonNull(topology, "topology");
    adapters = List.copyOf(Require.nonNull(adapters, "adapters"));
  }

  /** The controller's state directory. */
  public Path stateDirectory() {
    return controller.stateDirectory();
  }

  /** What adapters may use while they are created, with {@code clock} as the time source. */
  public AdapterContext adapterContext(InstantSource clock) {
    return new AdapterContext(topology, clock, stateDirectory());
  }
}
