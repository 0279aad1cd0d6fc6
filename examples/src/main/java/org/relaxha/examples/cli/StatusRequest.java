package org.relaxha.examples.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.relaxha.examples.config.SiteConfig;
import org.relaxha.spi.Require;

/**
 * What {@code relaxha status} was asked to show: the state directory of a controller, and the site
 * configuration when the user named one (to show configured subjects the journal has not seen).
 *
 * <p>Immutable and thread-safe.
 *
 * @param stateDirectory the controller's state directory
 * @param config the site configuration, if {@code --config} was given
 */
public record StatusRequest(Path stateDirectory, Optional<SiteConfig> config) {
  /** Validates both fields. */
  public StatusRequest {
    Require.nonNull(stateDirectory, "stateDirectory");
    Require.nonNull(config, "config");
  }
}
