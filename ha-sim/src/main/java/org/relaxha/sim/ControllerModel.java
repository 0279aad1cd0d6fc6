package org.relaxha.sim;

import java.time.Duration;
import org.relaxha.core.runtime.Timeouts;
import org.relaxha.spi.Require;

/**
 * The controller's own settings in a simulation: call timeouts and retries, and how often it reads
 * every host's inventory.
 *
 * <p>Immutable and thread-safe.
 */
public record ControllerModel(Timeouts timeouts, Duration inventoryInterval) {
  /** Validates every field. */
  public ControllerModel {
    Require.nonNull(timeouts, "controller.timeouts");
    Require.positive(inventoryInterval, "controller.inventoryInterval");
  }

  /** The controller's defaults: {@link Timeouts#ofDefaults()}, an inventory every minute. */
  public static ControllerModel ofDefaults() {
    return new ControllerModel(Timeouts.ofDefaults(), Duration.ofMinutes(1));
  }
}
