package org.relaxha.examples.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.relaxha.examples.adapters.Adapters;
import org.relaxha.examples.config.SiteConfig;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;

/**
 * The summary {@code check-config} prints: hosts, VMs, services and adapters by type, with notes
 * about what a run would lack.
 *
 * <p>Stateless and thread-safe.
 */
final class SiteSummary {
  private SiteSummary() {}

  static void print(LoadedSite site, PrintStream out) {
    SiteConfig config = site.config();
    Topology topology = config.topology();
    out.println(config.file() + ": OK");
    out.println("  state directory: " + config.stateDirectory());
    out.println("  hosts:    " + hosts(topology));
    out.println("  VMs:      " + vms(topology));
    out.println("  services: " + topology.services().size());
    out.println("  adapters: " + site.adapters().instances().size());
    adaptersByType(site.adapters())
        .forEach((type, line) -> out.println("    " + type + ": " + line));
    for (String note : notes(site.adapters())) {
      out.println("  note: " + note);
    }
  }

  private static String hosts(Topology topology) {
    long maintenance = topology.hosts().values().stream().filter(Host::maintenance).count();
    return topology.hosts().size()
        + " ("
        + String.join(", ", topology.hosts().keySet().stream().map(Object::toString).toList())
        + (maintenance > 0 ? "; " + maintenance + " in maintenance" : "")
        + ")";
  }

  private static String vms(Topology topology) {
    Map<Criticality, Integer> counts = new EnumMap<>(Criticality.class);
    for (Vm vm : topology.vms().values()) {
      counts.merge(vm.criticality(), 1, Integer::sum);
    }
    if (counts.isEmpty()) {
      return "0";
    }
    return topology.vms().size()
        + " ("
        + counts.entrySet().stream()
            .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
            .collect(Collectors.joining(", "))
        + ")";
  }

  private static Map<String, String> adaptersByType(Adapters adapters) {
    Map<String, List<String>> byType = new LinkedHashMap<>();
    for (Adapters.Instance instance : adapters.instances()) {
      byType
          .computeIfAbsent(instance.config().type(), t -> new ArrayList<>())
          .add(instance.config().name() + " (" + String.join(", ", instance.spis()) + ")");
    }
    Map<String, String> lines = new LinkedHashMap<>();
    byType.forEach((type, names) -> lines.put(type, String.join(", ", names)));
    return lines;
  }

  private static List<String> notes(Adapters adapters) {
    List<String> notes = new ArrayList<>();
    if (adapters.hypervisors().isEmpty()) {
      notes.add("no Hypervisor adapter: run could not restart or move VMs");
    }
    if (adapters.monitors().isEmpty()) {
      notes.add("no Monitor adapter: run would see no failures");
    }
    if (adapters.notifiers().isEmpty()) {
      notes.add("no Notifier adapter: nobody would hear when RelaxHA gives up");
    }
    return notes;
  }
}
