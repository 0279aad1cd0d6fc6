package org.relaxha.examples.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;

/**
 * Reads {@code hosts} and {@code vms} (with their nested {@code services}) and checks what crosses
 * entries: unique names, known home hosts, storage pools some host reaches.
 *
 * <p>Not thread-safe (it reads sections); one instance per load.
 */
final class TopologyReader {
  static final String[] HOST_KEYS = {
    "name", "cpus", "memory", "loadThreshold", "criticality", "storagePools", "maintenance"
  };
  static final String[] VM_KEYS = {
    "name",
    "host",
    "cpus",
    "memory",
    "criticality",
    "mac",
    "restartPriority",
    "reinstallAllowed",
    "antiAffinityGroup",
    "storagePool",
    "services"
  };
  static final String[] SERVICE_KEYS = {"name", "criticality", "unit"};

  private static final Vm VM_DEFAULTS = Vm.builder("defaults").build();

  /**
   * Extra keys another format (the lab's scenario files) allows in host and VM entries, and who
   * reads them (with the entry's name), after the entry itself was read.
   */
  record Extras(
      List<String> hostKeys,
      List<String> vmKeys,
      java.util.function.BiConsumer<String, YamlConfigSection> host,
      java.util.function.BiConsumer<String, YamlConfigSection> vm) {
    static final Extras NONE = new Extras(List.of(), List.of(), (n, s) -> {}, (n, s) -> {});
  }

  private final Extras extras;
  private final Map<String, YamlConfigSection> hostSections = new LinkedHashMap<>();
  private final Map<String, YamlConfigSection> vmSections = new LinkedHashMap<>();
  private final List<Host> hosts = new ArrayList<>();
  private final List<Vm> vms = new ArrayList<>();
  private final List<Service> services = new ArrayList<>();

  /** Reads the topology from the root section. */
  static Topology read(YamlConfigSection root) {
    return read(root, Extras.NONE);
  }

  /** Reads the topology, letting {@code extras} read the keys it adds to hosts and VMs. */
  static Topology read(YamlConfigSection root, Extras extras) {
    TopologyReader reader = new TopologyReader(extras);
    if (!root.has("hosts")) {
      throw root.error("hosts", "required key is missing");
    }
    List<YamlConfigSection> hostList = root.subsections("hosts");
    if (hostList.isEmpty()) {
      throw root.error("hosts", "at least one host is required");
    }
    hostList.forEach(reader::host);
    root.subsections("vms").forEach(reader::vm);
    return Validation.build(root, () -> Topology.of(reader.hosts, reader.vms, reader.services));
  }

  private TopologyReader(Extras extras) {
    this.extras = extras;
  }

  private static String[] keys(String[] own, List<String> extra) {
    List<String> all = new ArrayList<>(List.of(own));
    all.addAll(extra);
    return all.toArray(String[]::new);
  }

  private void host(YamlConfigSection s) {
    s.expectOnly(keys(HOST_KEYS, extras.hostKeys()));
    String name = s.string("name");
    double cpus = s.number("cpus");
    long memory = s.memoryMib("memory");
    Optional<Double> loadThreshold =
        s.has("loadThreshold") ? Optional.of(s.number("loadThreshold")) : Optional.empty();
    Criticality criticality = s.enumValue("criticality", Criticality.class, Criticality.HIGH);
    List<String> pools = s.strings("storagePools");
    boolean maintenance = s.bool("maintenance", false);
    unique("host", name, s, hostSections);
    hosts.add(
        Validation.build(
            s,
            () -> {
              Host.Builder b = Host.builder(name).capacity(cpus, memory).criticality(criticality);
              loadThreshold.ifPresent(b::loadThreshold);
              pools.forEach(b::storagePool);
              return b.maintenance(maintenance).build();
            }));
    extras.host().accept(name, s);
  }

  private void vm(YamlConfigSection s) {
    s.expectOnly(keys(VM_KEYS, extras.vmKeys()));
    String name = s.string("name");
    Optional<String> host = s.optionalString("host");
    double cpus = s.number("cpus", VM_DEFAULTS.demand().cpus());
    long memory = s.memoryMib("memory", VM_DEFAULTS.demand().memoryMib());
    Criticality criticality =
        s.enumValue("criticality", Criticality.class, VM_DEFAULTS.criticality());
    Optional<String> mac = s.optionalString("mac");
    int priority = s.integer("restartPriority", VM_DEFAULTS.restartPriority());
    boolean reinstall = s.bool("reinstallAllowed", VM_DEFAULTS.reinstallAllowed());
    Optional<String> group = s.optionalString("antiAffinityGroup");
    Optional<String> pool = s.optionalString("storagePool");
    unique("vm", name, s, vmSections);
    host.ifPresent(h -> checkHost(s, h));
    pool.ifPresent(p -> checkPool(s, p));
    Vm vm =
        Validation.build(
            s,
            () -> {
              Vm.Builder b = Vm.builder(name).demand(cpus, memory).criticality(criticality);
              b.restartPriority(priority).reinstallAllowed(reinstall);
              mac.ifPresent(b::mac);
              group.ifPresent(b::antiAffinityGroup);
              pool.ifPresent(b::storagePool);
              host.ifPresent(b::homeHost);
              return b.build();
            });
    vms.add(vm);
    extras.vm().accept(name, s);
    Map<String, YamlConfigSection> serviceSections = new LinkedHashMap<>();
    for (YamlConfigSection service : s.subsections("services")) {
      services.add(service(service, vm, serviceSections));
    }
  }

  private static Service service(YamlConfigSection s, Vm vm, Map<String, YamlConfigSection> seen) {
    s.expectOnly(SERVICE_KEYS);
    String name = s.string("name");
    Criticality criticality = s.enumValue("criticality", Criticality.class, vm.criticality());
    Optional<String> unit = s.optionalString("unit");
    unique("service of vm " + vm.id(), name, s, seen);
    return Validation.build(
        s, () -> new Service(new ServiceId(vm.id(), name), criticality, unit.orElse(name)));
  }

  private void checkHost(YamlConfigSection s, String host) {
    if (!hostSections.containsKey(host)) {
      throw s.error(
          "host",
          "unknown host '"
              + host
              + "'"
              + Suggestions.hint(host, hostSections.keySet())
              + "; hosts are "
              + String.join(", ", hostSections.keySet()));
    }
  }

  private void checkPool(YamlConfigSection s, String pool) {
    Set<String> reachable = new TreeSet<>();
    hosts.forEach(h -> reachable.addAll(h.storagePools()));
    if (!reachable.contains(pool)) {
      throw s.error(
          "storagePool",
          "no host reaches storage pool '"
              + pool
              + "'"
              + Suggestions.hint(pool, reachable)
              + (reachable.isEmpty()
                  ? "; no host lists any storagePools"
                  : "; hosts reach " + String.join(", ", reachable)));
    }
  }

  private static void unique(
      String what, String name, YamlConfigSection s, Map<String, YamlConfigSection> seen) {
    YamlConfigSection first = seen.putIfAbsent(name, s);
    if (first != null) {
      throw s.error(
          "name",
          "duplicate "
              + what
              + " name '"
              + name
              + "' (first on line "
              + first.lineOf("name")
              + ")");
    }
  }
}
