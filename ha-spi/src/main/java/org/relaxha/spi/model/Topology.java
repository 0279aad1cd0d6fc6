package org.relaxha.spi.model;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.relaxha.spi.Require;

/**
 * The configured data center: hosts, the VMs that may run on them and the services inside those
 * VMs. Where a VM runs right now is not part of the topology: that is live state the controller
 * learns from the hypervisors.
 *
 * <p>Immutable and thread-safe. Iteration order is by name; looking a subject up is a hash lookup
 * (the engine does it for every VM it touches).
 */
public record Topology(
    Map<HostId, Host> hosts, Map<VmId, Vm> vms, Map<ServiceId, Service> services) {

  /** Validates references: every VM's home host and every service's VM must exist. */
  public Topology {
    hosts = sortedCopy(Require.nonNull(hosts, "hosts"));
    vms = sortedCopy(Require.nonNull(vms, "vms"));
    services = new Services(sortedCopy(Require.nonNull(services, "services")));
    for (Vm vm : vms.values()) {
      if (vm.homeHost().isPresent() && !hosts.containsKey(vm.homeHost().get())) {
        throw new IllegalArgumentException(
            "vm " + vm.id() + ": homeHost '" + vm.homeHost().get() + "' is not a known host");
      }
    }
    for (Service service : services.values()) {
      if (!vms.containsKey(service.vm())) {
        throw new IllegalArgumentException(
            "service " + service.id() + ": vm '" + service.vm() + "' is not a known VM");
      }
    }
  }

  /** Builds a topology from lists, rejecting duplicate names. */
  public static Topology of(
      Collection<Host> hosts, Collection<Vm> vms, Collection<Service> services) {
    return new Topology(
        index(hosts, Host::id, "host"),
        index(vms, Vm::id, "vm"),
        index(services, Service::id, "service"));
  }

  /** The host with this id, if configured. */
  public Optional<Host> host(HostId id) {
    return Optional.ofNullable(hosts.get(id));
  }

  /** The VM with this id, if configured. */
  public Optional<Vm> vm(VmId id) {
    return Optional.ofNullable(vms.get(id));
  }

  /** The services configured inside a VM, in name order (a hash lookup). */
  public List<Service> servicesOf(VmId vm) {
    return ((Services) services).of(vm);
  }

  /** Whether the subject is configured here. */
  public boolean contains(SubjectId subject) {
    if (subject instanceof HostId h) {
      return hosts.containsKey(h);
    }
    if (subject instanceof VmId v) {
      return vms.containsKey(v);
    }
    return services.containsKey((ServiceId) subject);
  }

  /** The services by id (in id order), with each VM's services listed beside them. */
  private static final class Services extends AbstractMap<ServiceId, Service> {
    private final Map<ServiceId, Service> byId;
    private final Map<VmId, List<Service>> byVm = new HashMap<>();

    Services(Map<ServiceId, Service> byId) {
      this.byId = byId;
      for (Service s : byId.values()) {
        byVm.computeIfAbsent(s.vm(), vm -> new ArrayList<>()).add(s);
      }
      byVm.replaceAll((vm, list) -> List.copyOf(list));
    }

    List<Service> of(VmId vm) {
      return byVm.getOrDefault(vm, List.of());
    }

    @Override
    public Service get(Object key) {
      return byId.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return byId.containsKey(key);
    }

    @Override
    public int size() {
      return byId.size();
    }

    @Override
    public Set<Map.Entry<ServiceId, Service>> entrySet() {
      return byId.entrySet();
    }
  }

  /** A copy that iterates in key order and finds a key by its hash. */
  private static <K extends Comparable<? super K>, V> Map<K, V> sortedCopy(Map<K, V> in) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(in)));
  }

  private static <K, V> Map<K, V> index(Collection<V> values, Function<V, K> key, String what) {
    return values.stream()
        .collect(
            Collectors.toMap(
                key,
                Function.identity(),
                (a, b) -> {
                  throw new IllegalArgumentException("duplicate " + what + " " + key.apply(a));
                },
                TreeMap::new));
  }
}
