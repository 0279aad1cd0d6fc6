package org.relaxha.examples.adapters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.relaxha.examples.config.AdapterConfig;
import org.relaxha.examples.config.SiteConfig;
import org.relaxha.examples.config.SiteConfigLoader;
import org.relaxha.examples.config.YamlConfigSection;
import org.relaxha.spi.Require;
import org.relaxha.spi.config.AdapterContext;
import org.relaxha.spi.config.AdapterProvider;
import org.relaxha.spi.config.ConfigException;
import org.relaxha.spi.config.ConfigSection;

/**
 * The adapter providers the launcher knows, by type name: found through {@link ServiceLoader}
 * ({@link #discover()}) or registered explicitly ({@link #of}, {@link #with}). Two providers of one
 * type name is a {@link DuplicateAdapterTypeException}, never a silent pick.
 *
 * <p>Immutable and thread-safe; {@link #instantiate} reads configuration sections, which are not,
 * so call it from one thread.
 */
public final class AdapterRegistry {
  private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final Map<String, AdapterProvider> providers;

  private AdapterRegistry(Map<String, AdapterProvider> providers) {
    this.providers = Collections.unmodifiableMap(new TreeMap<>(providers));
  }

  /** The providers on the class path of this class's loader (or the thread's context loader). */
  public static AdapterRegistry discover() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return discover(loader != null ? loader : AdapterRegistry.class.getClassLoader());
  }

  /** The providers {@code loader} finds through {@link ServiceLoader}. */
  public static AdapterRegistry discover(ClassLoader loader) {
    List<AdapterProvider> found = new ArrayList<>();
    try {
      for (AdapterProvider provider : ServiceLoader.load(AdapterProvider.class, loader)) {
        found.add(provider);
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("cannot load an adapter provider: " + e.getMessage(), e);
    }
    return of(found);
  }

  /** Exactly these providers. */
  public static AdapterRegistry of(AdapterProvider... providers) {
    return of(List.of(providers));
  }

  /** Exactly these providers. */
  public static AdapterRegistry of(Collection<? extends AdapterProvider> providers) {
    AdapterRegistry registry = new AdapterRegistry(Map.of());
    for (AdapterProvider provider : providers) {
      registry = registry.with(provider);
    }
    return registry;
  }

  /** A registry with one more provider. */
  public AdapterRegistry with(AdapterProvider provider) {
    Require.nonNull(provider, "provider");
    String type = provider.type();
    if (type == null || !TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException(
          provider.getClass().getName()
              + ": adapter type must use letters, digits and ._- only, was '"
              + type
              + "'");
    }
    AdapterProvider existing = providers.get(type);
    if (existing != null) {
      throw new DuplicateAdapterTypeException(
          type, existing.getClass().getName(), provider.getClass().getName());
    }
    Map<String, AdapterProvider> more = new TreeMap<>(providers);
    more.put(type, provider);
    return new AdapterRegistry(more);
  }

  /** The known type names, sorted. */
  public Set<String> types() {
    return providers.keySet();
  }

  /** The provider of a type. */
  public Optional<AdapterProvider> provider(String type) {
    return Optional.ofNullable(providers.get(type));
  }

  /** Every provider, by type name. */
  public Collection<AdapterProvider> providers() {
    return providers.values();
  }

  /** A configuration loader that accepts exactly this registry's types. */
  public SiteConfigLoader loader() {
    return new SiteConfigLoader(types());
  }

  /**
   * Creates every configured adapter through its provider and sorts the components by SPI. Nothing
   * is started. Fails with a {@link ConfigException} at the adapter's entry when its type is
   * unknown, its provider rejects a setting or throws, it creates nothing, a component implements
   * no SPI, or its section keeps a key the provider never read.
   */
  public Adapters instantiate(SiteConfig config, AdapterContext context) {
    Require.nonNull(config, "config");
    Require.nonNull(context, "context");
    List<Adapters.Instance> instances = new ArrayList<>();
    for (AdapterConfig adapter : config.adapters()) {
      instances.add(create(adapter, context));
    }
    return Adapters.of(instances);
  }

  private Adapters.Instance create(AdapterConfig adapter, AdapterContext context) {
    ConfigSection section = adapter.section();
    AdapterProvider provider = providers.get(adapter.type());
    if (provider == null) {
      throw AdapterConfig.unknownType(section, adapter.type(), types());
    }
    List<Object> components;
    try {
      components = provider.create(section, context);
    } catch (ConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failure(adapter, "its provider failed: " + describe(e), e);
    }
    if (components == null || components.isEmpty()) {
      throw failure(adapter, "its provider created no components", null);
    }
    for (Object component : components) {
      if (component == null) {
        throw failure(adapter, "its provider returned a null component", null);
      }
      if (Adapters.spisOf(component).isEmpty()) {
        throw failure(
            adapter,
            component.getClass().getName() + " implements none of the SPIs " + spiNames(),
            null);
      }
    }
    if (section instanceof YamlConfigSection yaml) {
      yaml.rejectUnknownKeysDeep();
    } else {
      section.rejectUnknownKeys();
    }
    return new Adapters.Instance(adapter, components);
  }

  private static ConfigException failure(AdapterConfig adapter, String problem, Throwable cause) {
    ConfigSection section = adapter.section();
    return new ConfigException(
        section.file(),
        section.line(),
        section.path(),
        "adapter '" + adapter.name() + "' (" + adapter.type() + "): " + problem,
        cause);
  }

  private static String describe(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
  }

  private static String spiNames() {
    return Adapters.SPIS.stream().map(Class::getSimpleName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return "AdapterRegistry" + providers.keySet();
  }
}
