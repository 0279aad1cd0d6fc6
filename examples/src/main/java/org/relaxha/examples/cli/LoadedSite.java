package org.relaxha.examples.cli;

import org.relaxha.examples.adapters.Adapters;
import org.relaxha.examples.config.SiteConfig;
import org.relaxha.spi.Require;
import org.relaxha.spi.config.AdapterContext;

/**
 * A validated site configuration and the adapters created from it, none of them started: what
 * {@link ControllerWiring#run} needs to build the controller.
 *
 * <p>Immutable and thread-safe as a record; see {@link Adapters} for the components.
 *
 * @param config the validated configuration
 * @param context what the adapters were created with (topology, clock, state directory)
 * @param adapters the created components, sorted by SPI
 */
public record LoadedSite(SiteConfig config, AdapterContext context, Adapters adapters)
    implements AutoCloseable {
  /** Validates every field. */
  public LoadedSite {
    Require.nonNull(config, "config");
    Require.nonNull(context, "context");
    Require.nonNull(adapters, "adapters");
  }

  /** Closes the adapters' components ({@link Adapters#close()}). */
  @Override
  public void close() {
    adapters.close();
  }
}
