package org.relaxha.core.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.relaxha.spi.Require;
import org.relaxha.spi.fencing.Fencer;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.spi.monitor.MonitoringControl;
import org.relaxha.spi.notify.Notifier;
import org.relaxha.spi.provision.Provisioner;
import org.relaxha.spi.service.ServiceControl;
import org.relaxha.spi.storage.StorageBackend;

/**
 * The SPI implementations a controller drives, and the lookups between them (which hypervisor
 * manages a host, which service control reaches a VM).
 *
 * <p>Immutable; thread-safe as far as the adapters are.
 */
record Wiring(
    List<Monitor> monitors,
    List<Hypervisor> hypervisors,
    Optional<StorageBackend> storage,
    List<Fencer> fencers,
    List<ServiceControl> serviceControls,
    Optional<Provisioner> provisioner,
    List<Notifier> notifiers,
    List<MonitoringControl> extraControls,
    Map<HostId, Hypervisor> hypervisorByHost) {

  Wiring {
    monitors = List.copyOf(monitors);
    hypervisors = List.copyOf(hypervisors);
    fencers = List.copyOf(fencers);
    serviceControls = List.copyOf(serviceControls);
    notifiers = List.copyOf(notifiers);
    extraControls = List.copyOf(extraControls);
    hypervisorByHost = Map.copyOf(hypervisorByHost);
  }

  /** Indexes hosts by hypervisor; two hypervisors claiming one host is an error naming both. */
  static Wiring of(
      List<Monitor> monitors,
      List<Hypervisor> hypervisors,
      Optional<StorageBackend> storage,
      List<Fencer> fencers,
      List<ServiceControl> serviceControls,
      Optional<Provisioner> provisioner,
      List<Notifier> notifiers,
      List<MonitoringControl> extraControls) {
    Map<HostId, Hypervisor> byHost = new HashMap<>();
    for (Hypervisor h : hypervisors) {
      for (HostId host : h.hosts()) {
        Hypervisor other = byHost.put(host, h);
        if (other != null) {
          throw new IllegalArgumentException(
              "host "
                  + host
                  + " is managed by two hypervisors: "
                  + other.name()
                  + " and "
                  + h.name());
        }
      }
    }
    uniqueNames("monitor", monitors.stream().map(Monitor::name).toList());
    uniqueNames("hypervisor", hypervisors.stream().map(Hypervisor::name).toList());
    uniqueNames("fencer", fencers.stream().map(Fencer::name).toList());
    uniqueNames("notifier", notifiers.stream().map(Notifier::name).toList());
    return new Wiring(
        monitors,
        hypervisors,
        storage,
        fencers,
        serviceControls,
        provisioner,
        notifiers,
        extraControls,
        byHost);
  }

  private static void uniqueNames(String kind, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      Require.nonBlank(n, kind + " name");
      if (!seen.add(n)) {
        throw new IllegalArgumentException("two " + kind + "s are named '" + n + "'");
      }
    }
  }

  Optional<Hypervisor> hypervisorFor(HostId host) {
    return Optional.ofNullable(hypervisorByHost.get(host));
  }

  Optional<ServiceControl> serviceControlFor(Vm vm) {
    return serviceControls.stream().filter(s -> s.covers(vm)).findFirst();
  }

  List<MonitoringControl> monitoringControls() {
    List<MonitoringControl> result = new ArrayList<>();
    for (Monitor m : monitors) {
      if (m instanceof MonitoringControl c) {
        result.add(c);
      }
    }
    for (MonitoringControl c : extraControls) {
      if (result.stream().noneMatch(x -> x == c)) {
        result.add(c);
      }
    }
    return result;
  }
}
