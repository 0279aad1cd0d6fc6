package org.relaxha.examples.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.relaxha.core.detect.DetectionPolicy;
import org.relaxha.core.policy.StandardRecoveryPolicy;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.Topology;

/**
 * Loads and validates a site configuration (format: {@code docs/configuration.md}). Everything is
 * checked before anything starts: syntax, types, required and unknown keys, references between
 * entries, the values the records accept, and the adapter types against the installed providers.
 * The first problem found is thrown as a {@link org.relaxha.spi.config.ConfigException} naming the
 * file, the line and the field.
 *
 * <p>The adapters' own settings are checked later, when their providers create them ({@code
 * AdapterRegistry.instantiate}).
 *
 * <p>Immutable and thread-safe; each load reads its file on the calling thread.
 */
public final class SiteConfigLoader {
  static final String[] ROOT_KEYS = {
    "stateDirectory", "controller", "detection", "policy", "hosts", "vms", "adapters"
  };
  static final String[] CONTROLLER_KEYS = {
    "callTimeout", "fenceTimeout", "threads", "inventoryInterval", "snapshotEvery"
  };
  private static final Pattern ADAPTER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final Set<String> adapterTypes;
  private final Function<String, String> environment;
  private final Consumer<String> warnings;

  /** A loader that accepts these adapter types, reading the process environment. */
  public SiteConfigLoader(Collection<String> adapterTypes) {
    this(adapterTypes, null, null);
  }

  private SiteConfigLoader(
      Collection<String> adapterTypes,
      Function<String, String> environment,
      Consumer<String> warnings) {
    this.adapterTypes = Set.copyOf(new TreeSet<>(Require.nonNull(adapterTypes, "adapterTypes")));
    this.environment = environment;
    this.warnings = warnings;
  }

  /** A copy that resolves {@code env:} secrets through {@code lookup} instead of the process. */
  public SiteConfigLoader withEnvironment(Function<String, String> lookup) {
    return new SiteConfigLoader(adapterTypes, Require.nonNull(lookup, "lookup"), warnings);
  }

  /** A copy that sends warnings to {@code sink} instead of the log. */
  public SiteConfigLoader withWarnings(Consumer<String> sink) {
    return new SiteConfigLoader(adapterTypes, environment, Require.nonNull(sink, "sink"));
  }

  /** The adapter types this loader accepts. */
  public Set<String> adapterTypes() {
    return adapterTypes;
  }

  /** Loads and validates a configuration file. */
  public SiteConfig load(Path file) {
    return read(YamlConfigSection.load(file, configure(ConfigSource.of(file))));
  }

  /** Parses and validates configuration text; {@code name} stands for the file in errors. */
  public SiteConfig parse(String text, String name) {
    return read(YamlConfigSection.parse(text, configure(ConfigSource.inMemory(name))));
  }

  private ConfigSource configure(ConfigSource source) {
    ConfigSource configured = source;
    if (environment != null) {
      configured = configured.withEnvironment(environment);
    }
    if (warnings != null) {
      configured = configured.withWarnings(warnings);
    }
    return configured;
  }

  /** Reads a parsed configuration. */
  SiteConfig read(YamlConfigSection root) {
    root.expectOnly(ROOT_KEYS);
    ControllerSettings controller = controller(root);
    DetectionPolicy detection = PolicyReader.detection(root.subsection("detection"));
    StandardRecoveryPolicy policy = PolicyReader.recovery(root.subsection("policy"));
    Topology topology = TopologyReader.read(root);
    List<AdapterConfig> adapters = adapters(root);
    return new SiteConfig(root.file(), controller, detection, policy, topology, adapters);
  }

  private static ControllerSettings controller(YamlConfigSection root) {
    ControllerSettings defaults = ControllerSettings.ofDefaults();
    Path stateDirectory =
        root.optionalString("stateDirectory")
            .map(text -> path(root, "stateDirectory", text))
            .orElse(defaults.stateDirectory());
    Optional<YamlConfigSection> section = root.subsection("controller");
    if (section.isEmpty()) {
      return defaults.withStateDirectory(stateDirectory);
    }
    YamlConfigSection s = section.get();
    s.expectOnly(CONTROLLER_KEYS);
    var callTimeout = s.duration("callTimeout", defaults.callTimeout());
    var fenceTimeout = s.duration("fenceTimeout", defaults.fenceTimeout());
    int threads = s.integer("threads", defaults.threads());
    var inventoryInterval = s.duration("inventoryInterval", defaults.inventoryInterval());
    int snapshotEvery = s.integer("snapshotEvery", defaults.snapshotEvery());
    return Validation.build(
        s,
        () ->
            new ControllerSettings(
                stateDirectory,
                callTimeout,
                fenceTimeout,
                threads,
                inventoryInterval,
                snapshotEvery));
  }

  private static Path path(YamlConfigSection section, String key, String text) {
    if (text.isBlank()) {
      throw section.error(key, "expected a directory path, found an empty string");
    }
    try {
      return section.source().resolve(text);
    } catch (InvalidPathException e) {
      throw section.error(key, "not a valid path: " + e.getReason());
    }
  }

  private List<AdapterConfig> adapters(YamlConfigSection root) {
    List<AdapterConfig> adapters = new ArrayList<>();
    Map<String, YamlConfigSection> names = new LinkedHashMap<>();
    for (YamlConfigSection s : root.subsections("adapters")) {
      String type = s.string("type");
      if (!adapterTypes.contains(type)) {
        throw AdapterConfig.unknownType(s, type, adapterTypes);
      }
      String name = s.optionalString("name").orElse(type);
      if (!ADAPTER_NAME.matcher(name).matches()) {
        throw s.error(
            "name", "an adapter name uses letters, digits and ._- only, was '" + name + "'");
      }
      YamlConfigSection first = names.putIfAbsent(name, s);
      if (first != null) {
        throw s.error(
            s.has("name") ? "name" : "type",
            "duplicate adapter name '"
                + name
                + "' (first on line "
                + first.line()
                + "); give each adapter of one type its own name");
      }
      adapters.add(new AdapterConfig(type, name, s));
    }
    return adapters;
  }
}
