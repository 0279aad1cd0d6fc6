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
 * @param repairJournal whether {@code run --repair} asked to move a damaged journal tail aside
 */
public record LoadedSite(
    SiteConfig config, AdapterContext context, Adapters adapters, boolean repairJournal)
    implements AutoCloseable {
  /** Validates every field. */
  public LoadedSite {
    Require.nonNull(config, "config");
    Require.nonNull(context, "context");
    Require.nonNull(adapters, "adapters");
  }

  /** A site whose journal is not repaired. */
  public LoadedSite(SiteConfig config, AdapterContext context, Adapters adapters) {
    this(config, context, adapters, false);
  }

  /** A copy with {@code repairJournal} set. */
  public LoadedSite withRepairJournal(boolean value) {
    return new LoadedSite(config, context, adapters, value);
  }

  /** Closes the adapters' components ({@link Adapters#close()}). */
  @Override
  public void close() {
    adapters.close();
  }
}
