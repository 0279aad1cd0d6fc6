package org.relaxha.examples.config;

import java.util.Collection;
import java.util.TreeSet;
import org.relaxha.spi.Require;
import org.relaxha.spi.config.ConfigException;
import org.relaxha.spi.config.ConfigSection;

/**
 * One entry of the configuration's {@code adapters} list: the provider's type name, the adapter's
 * own name (unique in the file; defaults to the type), and the section the provider reads its
 * settings from ({@code type} and {@code name} already read).
 *
 * <p>Immutable as far as this record goes; the section tracks which keys were read and is not
 * thread-safe.
 *
 * @param type the provider's type name, e.g. {@code libvirt}
 * @param name the adapter's name, e.g. {@code kvm-west}
 * @param section the adapter's settings
 */
public record AdapterConfig(String type, String name, ConfigSection section) {
  /** Validates every field. */
  public AdapterConfig {
    Require.nonBlank(type, "adapter.type");
    Require.nonBlank(name, "adapter.name");
    Require.nonNull(section, "adapter.section");
  }

  /** The line where the adapter's entry starts. */
  public int line() {
    return section.line();
  }

  /**
   * The error for an adapter type no installed provider has: it names the line, the type and the
   * known types, with a suggestion when one is close.
   */
  public static ConfigException unknownType(
      ConfigSection section, String type, Collection<String> knownTypes) {
    TreeSet<String> known = new TreeSet<>(knownTypes);
    String choices =
        known.isEmpty()
            ? "no adapter types are installed (put adapter modules on the class path)"
            : "known types: " + String.join(", ", known);
    return section.error(
        "type",
        "unknown adapter type '" + type + "'" + Suggestions.hint(type, known) + "; " + choices);
  }

  @Override
  public String toString() {
    return "AdapterConfig[" + type + " '" + name + "' at " + section.file() + ":" + line() + "]";
  }
}
