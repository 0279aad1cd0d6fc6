package org.relaxha.testkit.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaxha.spi.config.ConfigException;
import org.relaxha.spi.config.ConfigSection;
import org.relaxha.spi.config.Secret;

/**
 * A {@link ConfigSection} over nested maps and lists, for tests of an {@code AdapterProvider}
 * without the launcher's YAML reader (which adapters do not depend on). Values are strings,
 * numbers, booleans, lists and maps; each key's "line" is its position in the map plus the
 * section's line, so tests can check that errors carry a line. Not thread-safe.
 */
public final class MapConfigSection implements ConfigSection {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private final String file;
  private final String path;
  private final int line;
  private final Map<String, Object> values;
  private final Set<String> asked = new LinkedHashSet<>();

  private MapConfigSection(String file, String path, int line, Map<String, Object> values) {
    this.file = file;
    this.path = path;
    this.line = line;
    this.values = new LinkedHashMap<>(values);
  }

  /** The adapter section {@code adapters[0]}, with type and name already read. */
  public static MapConfigSection adapter(Map<String, Object> values) {
    return adapter("test.yaml", values);
  }

  /** The adapter section {@code adapters[0]} of {@code file}, with type and name already read. */
  public static MapConfigSection adapter(String file, Map<String, Object> values) {
    MapConfigSection s = new MapConfigSection(file, "adapters[0]", 10, values);
    s.asked.add("type");
    s.asked.add("name");
    return s;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String file() {
    return file;
  }

  @Override
  public int line() {
    return line;
  }

  @Override
  public Set<String> keys() {
    return values.keySet();
  }

  @Override
  public boolean has(String key) {
    asked.add(key);
    return values.get(key) != null;
  }

  @Override
  public String string(String key) {
    return optionalString(key).orElseThrow(() -> error(key, "required key is missing"));
  }

  @Override
  public Optional<String> optionalString(String key) {
    asked.add(key);
    Object v = values.get(key);
    if (v != null && !(v instanceof String || v instanceof Number || v instanceof Boolean)) {
      throw error(key, "expected a string");
    }
    return Optional.ofNullable(v).map(String::valueOf);
  }

  @Override
  public int integer(String key) {
    return parseInt(key, string(key));
  }

  @Override
  public int integer(String key, int defaultValue) {
    return optionalString(key).map(s -> parseInt(key, s)).orElse(defaultValue);
  }

  private int parseInt(String key, String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw error(key, "expected a whole number, found '" + s + "'");
    }
  }

  @Override
  public double number(String key, double defaultValue) {
    return optionalString(key).map(s -> parseDouble(key, s)).orElse(defaultValue);
  }

  private double parseDouble(String key, String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw error(key, "expected a number, found '" + s + "'");
    }
  }

  @Override
  public boolean bool(String key, boolean defaultValue) {
    return optionalString(key).map(s -> parseBool(key, s)).orElse(defaultValue);
  }

  private boolean parseBool(String key, String s) {
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    throw error(key, "expected true or false, found '" + s + "'");
  }

  @Override
  public Duration duration(String key, Duration defaultValue) {
    return optionalString(key).map(s -> parseDuration(key, s)).orElse(defaultValue);
  }

  @Override
  public Duration duration(String key) {
    return parseDuration(key, string(key));
  }

  private Duration parseDuration(String key, String s) {
    Matcher m = DURATION.matcher(s);
    if (!m.matches()) {
      throw error(key, "expected a duration like 30s, found '" + s + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  @Override
  public List<String> strings(String key) {
    asked.add(key);
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw error(key, "expected a list");
    }
    return list.stream().map(String::valueOf).toList();
  }

  @Override
  public ConfigSection section(String key) {
    return optionalSection(key).orElseThrow(() -> error(key, "required key is missing"));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<ConfigSection> optionalSection(String key) {
    asked.add(key);
    Object v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof Map<?, ?> map)) {
      throw error(key, "expected a mapping");
    }
    return Optional.of(
        new MapConfigSection(file, pathOf(key), lineOf(key), (Map<String, Object>) map));
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<ConfigSection> sections(String key) {
    asked.add(key);
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw error(key, "expected a list of mappings");
    }
    List<ConfigSection> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        throw error(key, "expected a mapping at [" + i + "]");
      }
      out.add(
          new MapConfigSection(
              file, pathOf(key) + "[" + i + "]", lineOf(key) + 1 + i, (Map<String, Object>) map));
    }
    return out;
  }

  @Override
  public Secret secret(String key) {
    return new Secret(string(key).toCharArray(), "test");
  }

  @Override
  public ConfigException error(String key, String problem) {
    return new ConfigException(file(), lineOf(key), pathOf(key), problem);
  }

  @Override
  public void rejectUnknownKeys() {
    for (String key : values.keySet()) {
      if (!asked.contains(key)) {
        throw error(key, "unknown key");
      }
    }
  }

  private String pathOf(String key) {
    return path + "." + key;
  }

  private int lineOf(String key) {
    int i = new ArrayList<>(values.keySet()).indexOf(key);
    return line + 1 + Math.max(0, i);
  }
}
