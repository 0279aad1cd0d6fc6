package org.relaxha.examples.adapters;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.relaxha.examples.config.AdapterConfig;
import org.relaxha.spi.Require;
import org.relaxha.spi.fencing.Fencer;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.spi.monitor.MonitoringControl;
import org.relaxha.spi.notify.Notifier;
import org.relaxha.spi.provision.Provisioner;
import org.relaxha.spi.service.ServiceControl;
import org.relaxha.spi.storage.StorageBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The components the configured adapters created, sorted by the SPIs they implement, each list in
 * configuration order. A component that implements several SPIs (a hypervisor that also reports
 * lifecycle events as a monitor) appears in each of their lists. Created by {@link
 * AdapterRegistry#instantiate}; nothing in it has been started.
 *
 * <p>The record is immutable and thread-safe; the components are as thread-safe as their SPIs say.
 *
 * @param instances every adapter with the components it created, in configuration order
 * @param monitors the {@link Monitor}s
 * @param hypervisors the {@link Hypervisor}s
 * @param storageBackends the {@link StorageBackend}s
 * @param fencers the {@link Fencer}s
 * @param serviceControls the {@link ServiceControl}s
 * @param provisioners the {@link Provisioner}s
 * @param notifiers the {@link Notifier}s
 * @param monitoringControls the {@link MonitoringControl}s (monitors that accept write-backs)
 */
public record Adapters(
    List<Instance> instances,
    List<Monitor> monitors,
    List<Hypervisor> hypervisors,
    List<StorageBackend> storageBackends,
    List<Fencer> fencers,
    List<ServiceControl> serviceControls,
    List<Provisioner> provisioners,
    List<Notifier> notifiers,
    List<MonitoringControl> monitoringControls)
    implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Adapters.class);

  /** The SPI interfaces a component may implement, in the order summaries list them. */
  public static final List<Class<?>> SPIS =
      List.of(
          Monitor.class,
          Hypervisor.class,
          StorageBackend.class,
          Fencer.class,
          ServiceControl.class,
          Provisioner.class,
          Notifier.class,
          MonitoringControl.class);

  /** Copies every list. */
  public Adapters {
    instances = List.copyOf(instances);
    monitors = List.copyOf(monitors);
    hypervisors = List.copyOf(hypervisors);
    storageBackends = List.copyOf(storageBackends);
    fencers = List.copyOf(fencers);
    serviceControls = List.copyOf(serviceControls);
    provisioners = List.copyOf(provisioners);
    notifiers = List.copyOf(notifiers);
    monitoringControls = List.copyOf(monitoringControls);
  }

  /** No adapters at all. */
  public static Adapters none() {
    return of(List.of());
  }

  /** Sorts the components of these instances by SPI, keeping their order. */
  public static Adapters of(List<Instance> instances) {
    return new Adapters(
        instances,
        collect(instances, Monitor.class),
        collect(instances, Hypervisor.class),
        collect(instances, StorageBackend.class),
        collect(instances, Fencer.class),
        collect(instances, ServiceControl.class),
        collect(instances, Provisioner.class),
        collect(instances, Notifier.class),
        collect(instances, MonitoringControl.class));
  }

  private static <T> List<T> collect(List<Instance> instances, Class<T> spi) {
    List<T> found = new ArrayList<>();
    for (Instance instance : instances) {
      for (Object component : instance.components()) {
        if (spi.isInstance(component)) {
          found.add(spi.cast(component));
        }
      }
    }
    return found;
  }

  /** The simple names of the SPIs {@code component} implements, in {@link #SPIS} order. */
  public static List<String> spisOf(Object component) {
    return SPIS.stream().filter(s -> s.isInstance(component)).map(Class::getSimpleName).toList();
  }

  /**
   * Closes every component that is {@link AutoCloseable}, each once, in reverse configuration
   * order; a failure is logged and does not stop the others.
   */
  @Override
  public void close() {
    Map<Object, Boolean> closed = new IdentityHashMap<>();
    for (int i = instances.size() - 1; i >= 0; i--) {
      Instance instance = instances.get(i);
      for (Object component : instance.components()) {
        if (component instanceof AutoCloseable closeable && closed.put(component, true) == null) {
          try {
            closeable.close();
          } catch (Exception e) {
            LOG.warn("adapter '{}': closing {} failed", instance.config().name(), component, e);
          }
        }
      }
    }
  }

  /**
   * One configured adapter and the components its provider created.
   *
   * <p>Immutable and thread-safe as a record.
   *
   * @param config the adapter's configuration entry
   * @param components what the provider created, in its order
   */
  public record Instance(AdapterConfig config, List<Object> components) {
    /** Validates and copies. */
    public Instance {
      Require.nonNull(config, "config");
      components = List.copyOf(Require.nonNull(components, "components"));
    }

    /** The SPIs the components implement, without repeats, in {@link #SPIS} order. */
    public List<String> spis() {
      return SPIS.stream()
          .filter(s -> components.stream().anyMatch(s::isInstance))
          .map(Class::getSimpleName)
          .toList();
    }

    /** The components that implement {@code spi}. */
    public <T> List<T> componentsOf(Class<T> spi) {
      return collect(List.of(this), spi);
    }
  }
}
