package org.relaxha.monitor.nagios;

import org.relaxha.spi.config.ConfigSection;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.VmId;

/**
 * Reads the subject mapping of the {@code nagios} adapter: {@code hosts} (Nagios host to RelaxHA
 * host or VM), {@code mapByName}, and {@code services} (Nagios service on a VM's Nagios host to a
 * RelaxHA service of that VM). Every named subject must be in the topology.
 *
 * <p>Not thread-safe; used on the launcher's thread.
 */
final class SubjectReader {
  private SubjectReader() {}

  static SubjectMap read(ConfigSection section, Topology topology) {
    SubjectMap.Builder map = SubjectMap.builder();
    for (ConfigSection entry : section.sections("hosts")) {
      host(entry, topology, map);
    }
    boolean byName = section.bool("mapByName", false);
    if (byName) {
      SettingsReader.check(section, "mapByName", () -> map.hostsByName(topology));
    }
    for (ConfigSection entry : section.sections("services")) {
      service(entry, topology, map);
    }
    if (byName) {
      SettingsReader.check(section, "mapByName", () -> map.servicesByName(topology));
    }
    SubjectMap built = map.build();
    if (built.isEmpty()) {
      throw section.error(
          "hosts",
          "maps no Nagios host to a RelaxHA subject: list them under hosts, or set mapByName:"
              + " true to map the topology's names");
    }
    return built;
  }

  private static void host(ConfigSection e, Topology topology, SubjectMap.Builder map) {
    boolean host = e.has("host");
    boolean vm = e.has("vm");
    if (host == vm) {
      throw e.error(
          host ? "vm" : "host",
          host ? "give host or vm, not both" : "needs host: NAME (a physical host) or vm: NAME");
    }
    String key = host ? "host" : "vm";
    String name = e.string(key);
    String nagios = e.optionalString("nagios").orElse(name);
    if (nagios.isBlank()) {
      throw e.error("nagios", "must not be blank");
    }
    if (host) {
      HostId id = SettingsReader.check(e, key, () -> HostId.of(name));
      known(e, key, topology.hosts().containsKey(id), "host", name);
      SettingsReader.check(e, "nagios", () -> map.host(nagios, id));
    } else {
      VmId id = SettingsReader.check(e, key, () -> VmId.of(name));
      known(e, key, topology.vms().containsKey(id), "VM", name);
      SettingsReader.check(e, "nagios", () -> map.vm(nagios, id));
    }
  }

  private static void service(ConfigSection e, Topology topology, SubjectMap.Builder map) {
    String vm = e.string("vm");
    String name = e.string("service");
    ServiceId id = SettingsReader.check(e, "service", () -> ServiceId.of(vm, name));
    known(e, "service", topology.services().containsKey(id), "service", id.toString());
    if (!map.maps(id.vm())) {
      throw e.error(
          "vm",
          "VM '"
              + vm
              + "' has no Nagios host: map it under hosts first"
              + " (or set mapByName: true)");
    }
    String nagios = e.optionalString("nagios").orElse(name);
    if (nagios.isBlank()) {
      throw e.error("nagios", "must not be blank");
    }
    SettingsReader.check(e, "nagios", () -> map.service(nagios, id));
  }

  private static void known(ConfigSection e, String key, boolean known, String kind, String name) {
    if (!known) {
      throw e.error(key, "'" + name + "' is not a " + kind + " of the configuration");
    }
  }
}
