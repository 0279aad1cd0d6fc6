package org.relaxha.examples.adapters.log;

import java.util.List;
import org.relaxha.spi.config.AdapterContext;
import org.relaxha.spi.config.AdapterProvider;
import org.relaxha.spi.config.ConfigSection;

/**
 * The {@code log} adapter type: a {@link LogNotifier} that writes notifications to the launcher's
 * log. Settings: {@code logger} (the SLF4J logger name, default {@code relaxha.notify}).
 *
 * <p>Stateless and thread-safe.
 */
public final class LogNotifierProvider implements AdapterProvider {
  /** The type name. */
  public static final String TYPE = "log";

  /** The logger name when the configuration names none. */
  public static final String DEFAULT_LOGGER = "relaxha.notify";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Notifier: writes notifications to the launcher's log";
  }

  @Override
  public List<Object> create(ConfigSection section, AdapterContext context) {
    String name = section.optionalString("name").orElse(TYPE);
    String logger = section.optionalString("logger").orElse(DEFAULT_LOGGER);
    if (logger.isBlank()) {
      throw section.error("logger", "must not be blank");
    }
    return List.of(new LogNotifier(name, logger));
  }
}
