package org.relaxha.monitor.nagios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * A {@link ConfigSection} over nested maps, for provider tests that cannot use the launcher's YAML
 * reader: values are strings, lists of strings, maps, or lists of maps; each key's "line" is its
 * position in the map (1-based) plus the section's line. Not thread-safe.
 */
final class MapSection implements ConfigSection {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private final String file;
  private final String path;
  private final int line;
  private final Map<String, Object> values;
  private final Set<String> asked = new HashSet<>();

  MapSection(String file, String path, int line, Map<String, Object> values) {
    this.file = file;
    this.path = path;
    this.line = line;
    this.values = new LinkedHashMap<>(values);
  }

  static MapSection of(Map<String, Object> values) {
    return new MapSection("/etc/relaxha/site.yaml", "adapters[0]", 10, values);
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
    return values.containsKey(key);
  }

  @Override
  public String string(String key) {
    return optionalString(key).orElseThrow(() -> error(key, "required key is missing"));
  }

  @Override
  public Optional<String> optionalString(String key) {
    asked.add(key);
    Object v = values.get(key);
    if (v != null && !(v instanceof String)) {
      throw error(key, "expected a string");
    }
    return Optional.ofNullable((String) v);
  }

  @Override
  public int integer(String key) {
    return Integer.parseInt(string(key));
  }

  @Override
  public int integer(String key, int defaultValue) {
    return optionalString(key).map(Integer::parseInt).orElse(defaultValue);
  }

  @Override
  public double number(String key, double defaultValue) {
    return optionalString(key).map(Double::parseDouble).orElse(defaultValue);
  }

  @Override
  public boolean bool(String key, boolean defaultValue) {
    return optionalString(key)
        .map(
            v -> {
              if (!v.equals("true") && !v.equals("false")) {
                throw error(key, "expected true or false, found '" + v + "'");
              }
              return v.equals("true");
            })
        .orElse(defaultValue);
  }

  @Override
  public Duration duration(String key, Duration defaultValue) {
    return optionalString(key).map(v -> parse(key, v)).orElse(defaultValue);
  }

  @Override
  public Duration duration(String key) {
    return parse(key, string(key));
  }

  private Duration parse(String key, String v) {
    Matcher m = DURATION.matcher(v);
    if (!m.matches()) {
      throw error(key, "expected a duration, found '" + v + "'");
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
  @SuppressWarnings("unchecked")
  public List<String> strings(String key) {
    asked.add(key);
    Object v = values.get(key);
    return v == null ? List.of() : List.copyOf((List<String>) v);
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
    return v == null
        ? Optional.empty()
        : Optional.of(new MapSection(file, path + "." + key, lineOf(key), (Map<String, Object>) v));
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<ConfigSection> sections(String key) {
    asked.add(key);
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    List<ConfigSection> out = new ArrayList<>();
    List<Map<String, Object>> items = (List<Map<String, Object>>) v;
    for (int i = 0; i < items.size(); i++) {
      out.add(
          new MapSection(
              file, path + "." + key + "[" + i + "]", lineOf(key) + i + 1, items.get(i)));
    }
    return out;
  }

  @Override
  public Secret secret(String key) {
    return new Secret(string(key).toCharArray(), "literal");
  }

  @Override
  public ConfigException error(String key, String problem) {
    return new ConfigException(file, lineOf(key), path + "." + key, problem);
  }

  @Override
  public void rejectUnknownKeys() {
    for (String key : values.keySet()) {
      if (!asked.contains(key)) {
        throw error(key, "unknown key");
      }
    }
  }

  private int lineOf(String key) {
    int i = 1;
    for (String k : values.keySet()) {
      if (k.equals(key)) {
        return line + i;
      }
      i++;
    }
    return line;
  }
}
