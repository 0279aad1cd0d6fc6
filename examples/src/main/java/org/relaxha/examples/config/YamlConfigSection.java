package org.relaxha.examples.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.relaxha.spi.config.ConfigException;
import org.relaxha.spi.config.ConfigSection;
import org.relaxha.spi.config.Secret;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A {@link ConfigSection} over one YAML mapping, read through SnakeYAML's node API so that every
 * error names the file, the line and the field path ({@code hosts[2].memory}). Values are read as
 * written: YAML's implicit typing does not apply ({@code mac: 52:54:00:00:00:01} needs no quotes,
 * {@code name: no} is the name "no"); each getter parses the form it expects.
 *
 * <p>The section remembers every key a reader asked for (present or not); {@link
 * #rejectUnknownKeys()} rejects the other keys, suggesting the closest known key.
 *
 * <p>Not thread-safe: read it from one thread, as the launcher does.
 */
public final class YamlConfigSection implements ConfigSection {
  private final ConfigSource source;
  private final String path;
  private final int line;
  private final Map<String, YamlDocument.Entry> entries;
  private final Set<String> asked = new LinkedHashSet<>();
  private final List<YamlConfigSection> children = new ArrayList<>();

  private YamlConfigSection(ConfigSource source, String path, MappingNode node) {
    this.source = source;
    this.path = path;
    this.line = YamlDocument.line(node);
    this.entries = YamlDocument.index(node, path, source);
  }

  /** Reads a configuration file; its root must be a mapping. */
  public static YamlConfigSection load(Path file, ConfigSource source) {
    return root(YamlDocument.read(file, source), source);
  }

  /** Parses configuration text; its root must be a mapping. */
  public static YamlConfigSection parse(String text, ConfigSource source) {
    return root(YamlDocument.compose(new java.io.StringReader(text), source), source);
  }

  private static YamlConfigSection root(Node node, ConfigSource source) {
    if (!(node instanceof MappingNode mapping)) {
      throw new ConfigException(
          source.file(),
          YamlDocument.line(node),
          "",
          // Never quote a lone value: the user may have named a password file by mistake.
          "the configuration must be a mapping of keys to values, found "
              + (node instanceof ScalarNode ? "a single value" : YamlDocument.kind(node)));
    }
    YamlDocument.checkMappings(mapping, "", source);
    return new YamlConfigSection(source, "", mapping);
  }

  /** Where this section came from. */
  public ConfigSource source() {
    return source;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String file() {
    return source.file();
  }

  @Override
  public int line() {
    return line;
  }

  @Override
  public Set<String> keys() {
    return Collections.unmodifiableSet(entries.keySet());
  }

  @Override
  public boolean has(String key) {
    return value(key).isPresent();
  }

  /** The line of {@code key}'s value, or this section's line if the key is absent. */
  public int lineOf(String key) {
    YamlDocument.Entry entry = entries.get(key);
    return entry == null ? line : YamlDocument.line(entry.value());
  }

  /** The path of {@code key} in this section, e.g. {@code hosts[2].memory}. */
  public String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  @Override
  public String string(String key) {
    return scalar(key, "a string").orElseThrow(() -> missing(key));
  }

  @Override
  public Optional<String> optionalString(String key) {
    return scalar(key, "a string");
  }

  @Override
  public int integer(String key) {
    return typed(key, Values::integer, "a whole number").orElseThrow(() -> missing(key));
  }

  @Override
  public int integer(String key, int defaultValue) {
    return typed(key, Values::integer, "a whole number").orElse(defaultValue);
  }

  /** A required number. */
  public double number(String key) {
    return typed(key, Values::number, "a number").orElseThrow(() -> missing(key));
  }

  @Override
  public double number(String key, double defaultValue) {
    return typed(key, Values::number, "a number").orElse(defaultValue);
  }

  @Override
  public boolean bool(String key, boolean defaultValue) {
    return typed(key, Values::bool, "true or false").orElse(defaultValue);
  }

  @Override
  public Duration duration(String key, Duration defaultValue) {
    return typed(key, Values::duration, Values.DURATION_FORMS).orElse(defaultValue);
  }

  @Override
  public Duration duration(String key) {
    return typed(key, Values::duration, Values.DURATION_FORMS).orElseThrow(() -> missing(key));
  }

  /** A required memory size in MiB ({@code 512MiB}, {@code 4GiB}, {@code 4G}, {@code 2048}). */
  public long memoryMib(String key) {
    return typed(key, Values::memoryMib, Values.MEMORY_FORMS).orElseThrow(() -> missing(key));
  }

  /** A memory size in MiB with a default. */
  public long memoryMib(String key, long defaultValue) {
    return typed(key, Values::memoryMib, Values.MEMORY_FORMS).orElse(defaultValue);
  }

  /** An enum constant, named in any case ({@code high}, {@code HIGH}), with a default. */
  public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
    String choices = String.join(", ", names(type));
    Optional<String> text = scalar(key, "one of " + choices);
    if (text.isEmpty()) {
      return defaultValue;
    }
    return constant(type, text.get())
        .orElseThrow(
            () ->
                error(
                    key,
                    "expected one of "
                        + choices
                        + ", found '"
                        + YamlDocument.shorten(text.get())
                        + "'"
                        + Suggestions.hint(text.get(), names(type))));
  }

  /** The enum constant named {@code text} in any case. */
  public static <E extends Enum<E>> Optional<E> constant(Class<E> type, String text) {
    String wanted = text.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(wanted)).findFirst();
  }

  /** The lower-case names of an enum's constants. */
  public static List<String> names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(c -> c.name().toLowerCase(Locale.ROOT))
        .toList();
  }

  @Override
  public List<String> strings(String key) {
    Optional<Node> node = value(key);
    if (node.isEmpty()) {
      return List.of();
    }
    if (!(node.get() instanceof SequenceNode sequence)) {
      throw typeError(key, "a list like [a, b]", node.get());
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < sequence.getValue().size(); i++) {
      Node item = sequence.getValue().get(i);
      if (!(item instanceof ScalarNode scalar) || YamlDocument.isNull(item)) {
        throw new ConfigException(
            file(),
            YamlDocument.line(item),
            pathOf(key) + "[" + i + "]",
            "expected a string, found " + YamlDocument.kind(item));
      }
      values.add(scalar.getValue());
    }
    return List.copyOf(values);
  }

  @Override
  public YamlConfigSection section(String key) {
    return subsection(key).orElseThrow(() -> missing(key));
  }

  @Override
  public Optional<ConfigSection> optionalSection(String key) {
    return Optional.ofNullable(subsection(key).orElse(null));
  }

  /** Whether {@code key} holds a mapping (rather than a scalar or a list); false if absent. */
  public boolean isMapping(String key) {
    YamlDocument.Entry entry = entries.get(key);
    return entry != null && entry.value() instanceof MappingNode;
  }

  /** An optional nested mapping, as a {@link YamlConfigSection}. */
  public Optional<YamlConfigSection> subsection(String key) {
    Optional<Node> node = value(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (!(node.get() instanceof MappingNode mapping)) {
      throw typeError(key, "a mapping of keys to values", node.get());
    }
    return Optional.of(child(pathOf(key), mapping));
  }

  @Override
  public List<ConfigSection> sections(String key) {
    return List.copyOf(subsections(key));
  }

  /** A list of mappings (absent = empty), as {@link YamlConfigSection}s. */
  public List<YamlConfigSection> subsections(String key) {
    Optional<Node> node = value(key);
    if (node.isEmpty()) {
      return List.of();
    }
    if (!(node.get() instanceof SequenceNode sequence)) {
      throw typeError(key, "a list of mappings", node.get());
    }
    List<YamlConfigSection> sections = new ArrayList<>();
    for (int i = 0; i < sequence.getValue().size(); i++) {
      Node item = sequence.getValue().get(i);
      String itemPath = pathOf(key) + "[" + i + "]";
      if (!(item instanceof MappingNode mapping)) {
        throw new ConfigException(
            file(),
            YamlDocument.line(item),
            itemPath,
            "expected a mapping of keys to values, found " + YamlDocument.kind(item));
      }
      sections.add(child(itemPath, mapping));
    }
    return List.copyOf(sections);
  }

  private YamlConfigSection child(String childPath, MappingNode mapping) {
    YamlConfigSection child = new YamlConfigSection(source, childPath, mapping);
    children.add(child);
    return child;
  }

  @Override
  public Secret secret(String key) {
    Node node = value(key).orElseThrow(() -> missing(key));
    if (!(node instanceof ScalarNode scalar)) {
      // Never describe the value: it may be the secret.
      throw error(key, "expected a secret: env:NAME, file:/path or a quoted string");
    }
    return Secrets.read(this, key, scalar.getValue());
  }

  @Override
  public ConfigException error(String key, String problem) {
    return new ConfigException(file(), lineOf(key), pathOf(key), problem);
  }

  /** An error about this section as a whole, at its first line. */
  public ConfigException error(String problem) {
    return new ConfigException(file(), line, path, problem);
  }

  @Override
  public void rejectUnknownKeys() {
    for (String key : entries.keySet()) {
      if (!asked.contains(key)) {
        throw unknownKey(key, asked);
      }
    }
  }

  /**
   * Declares the keys this section may have and rejects any other at once, so that a misspelt key
   * is reported as such rather than as a missing required key.
   */
  public void expectOnly(String... keys) {
    asked.addAll(Arrays.asList(keys));
    rejectUnknownKeys();
  }

  /**
   * An error at the line of {@code key} itself saying it is not one of {@code known}, with the
   * closest known key as a suggestion, or the list of known keys when none is close.
   */
  public ConfigException unknownKey(String key, java.util.Collection<String> known) {
    Set<String> sorted = new TreeSet<>(known);
    String hint = Suggestions.hint(key, sorted);
    String problem =
        hint.isEmpty() && !sorted.isEmpty()
            ? "unknown key; expected one of " + String.join(", ", sorted)
            : "unknown key" + hint;
    YamlDocument.Entry entry = entries.get(key);
    int keyLine = entry == null ? line : YamlDocument.line(entry.key());
    return new ConfigException(file(), keyLine, pathOf(key), problem);
  }

  /** {@link #rejectUnknownKeys()} for this section and every nested section read from it. */
  public void rejectUnknownKeysDeep() {
    rejectUnknownKeys();
    for (YamlConfigSection child : children) {
      child.rejectUnknownKeysDeep();
    }
  }

  /** Shows where the section is and its keys, never its values. */
  @Override
  public String toString() {
    return "YamlConfigSection["
        + file()
        + ":"
        + line
        + (path.isEmpty() ? "" : " " + path)
        + ", keys="
        + entries.keySet()
        + "]";
  }

  private Optional<Node> value(String key) {
    asked.add(key);
    YamlDocument.Entry entry = entries.get(key);
    return entry == null || YamlDocument.isNull(entry.value())
        ? Optional.empty()
        : Optional.of(entry.value());
  }

  private Optional<String> scalar(String key, String expected) {
    Optional<Node> node = value(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (!(node.get() instanceof ScalarNode scalar)) {
      throw typeError(key, expected, node.get());
    }
    return Optional.of(scalar.getValue());
  }

  private <T> Optional<T> typed(String key, Function<String, Optional<T>> parser, String expected) {
    Optional<String> text = scalar(key, expected);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<T> parsed = parser.apply(text.get());
    if (parsed.isEmpty()) {
      throw error(
          key, "expected " + expected + ", found '" + YamlDocument.shorten(text.get()) + "'");
    }
    return parsed;
  }

  private ConfigException typeError(String key, String expected, Node found) {
    return error(key, "expected " + expected + ", found " + YamlDocument.kind(found));
  }

  private ConfigException missing(String key) {
    if (entries.containsKey(key)) {
      return error(key, "needs a value (it is empty)");
    }
    List<String> unread = entries.keySet().stream().filter(k -> !asked.contains(k)).toList();
    String misspelt =
        Suggestions.closest(key, unread).map(k -> " (is '" + k + "' a misspelling?)").orElse("");
    return error(key, "required key is missing" + misspelt);
  }
}
