package org.relaxha.examples.config;

import java.util.Map;
import java.util.function.Supplier;
import org.relaxha.spi.config.ConfigException;

/**
 * Runs a record constructor or builder on values read from a section and turns its {@link
 * IllegalArgumentException} (which names the field, e.g. {@code ladder.rebootTimeout must be
 * positive}) into a {@link ConfigException} at the line and path of the matching key in the
 * section, or at the section's first line when no key matches.
 *
 * <p>Stateless and thread-safe.
 */
final class Validation {
  /** Field names in the records that the configuration spells differently. */
  private static final Map<String, String> KEY_OF_FIELD =
      Map.of("memoryMib", "memory", "homeHost", "host", "valve", "safetyValve", "id", "name");

  private Validation() {}

  /** Calls {@code constructor}, translating its validation errors. */
  static <T> T build(YamlConfigSection section, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw translate(section, e);
    }
  }

  /** The {@link ConfigException} for a constructor's validation error. */
  static ConfigException translate(YamlConfigSection section, RuntimeException e) {
    String message = e.getMessage() == null ? "invalid value" : e.getMessage();
    int cut = message.indexOf(" must ");
    if (cut < 0) {
      cut = message.indexOf(" is not ");
    }
    if (cut > 0) {
      String field = message.substring(0, cut);
      String key = lastToken(field);
      key = KEY_OF_FIELD.getOrDefault(key, key);
      if (section.keys().contains(key)) {
        return new ConfigException(
            section.file(),
            section.lineOf(key),
            section.pathOf(key),
            message.substring(cut + 1),
            e);
      }
    }
    return new ConfigException(section.file(), section.line(), section.path(), message, e);
  }

  private static String lastToken(String field) {
    String[] tokens = field.split("[.: ]+");
    return tokens.length == 0 ? field : tokens[tokens.length - 1];
  }
}
