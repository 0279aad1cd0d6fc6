package org.relaxha.examples.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relaxha.core.runtime.VirtualTime;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.fake.InMemoryFencer;
import org.relaxha.testkit.fake.InMemoryHypervisor;
import org.relaxha.testkit.fake.InMemoryMonitor;
import org.relaxha.testkit.fake.InMemoryServiceControl;
import org.relaxha.testkit.fake.RecordingNotifier;

/**
 * The demo's data center: three hosts, five VMs and one service on in-memory fakes, in virtual
 * time, with a probe that reports what the fakes show every ten seconds (hosts and VMs through the
 * hypervisor; a service is down from the moment it is broken until a restart was asked for).
 *
 * <p>Not thread-safe: driven by the demo's thread.
 */
final class DemoWorld {
  static final Instant START = Instant.parse("2026-01-15T09:00:00Z");

  final VirtualTime time = new VirtualTime(START);
  final InMemoryHypervisor hypervisor = new InMemoryHypervisor("kvm", time);
  final InMemoryMonitor probe = new InMemoryMonitor("probe", time);
  final InMemoryFencer ipmi = new InMemoryFencer("ipmi", time).poweringOff(hypervisor);
  final InMemoryServiceControl ssh = new InMemoryServiceControl("ssh", time).linkedTo(hypervisor);
  final RecordingNotifier mail = new RecordingNotifier("mail", time);
  final Topology topology;
  private final Map<ServiceId, Integer> brokenAtRestart = new HashMap<>();
  private final Map<VmId, Instant> runningSince = new HashMap<>();
  private final Map<VmId, Integer> startsSeen = new HashMap<>();

  /** How long a started VM takes to boot before the probe sees it up. */
  static final java.time.Duration BOOT = java.time.Duration.ofSeconds(30);

  DemoWorld() {
    List<Host> hosts = new ArrayList<>();
    for (String name : List.of("node-a", "node-b", "node-c")) {
      hosts.add(Host.builder(name).capacity(16, 65536).criticality(Criticality.HIGH).build());
      hypervisor.addHost(HostId.of(name));
    }
    List<Vm> vms =
        List.of(
            Vm.builder("db-1").homeHost("node-a").demand(4, 16384).restartPriority(10).build(),
            Vm.builder("web-1").homeHost("node-a").demand(2, 4096).antiAffinityGroup("web").build(),
            Vm.builder("cache-1").homeHost("node-a").demand(2, 8192).build(),
            Vm.builder("web-2").homeHost("node-b").demand(2, 4096).antiAffinityGroup("web").build(),
            Vm.builder("batch-1")
                .homeHost("node-c")
                .demand(4, 8192)
                .reinstallAllowed(true)
                .build());
    for (Vm vm : vms) {
      hypervisor.define(vm.id(), vm.homeHost().orElseThrow(), PowerState.RUNNING);
    }
    Service httpd = new Service(ServiceId.of("web-1", "httpd"), Criticality.HIGH, "apache2");
    topology = Topology.of(hosts, vms, List.of(httpd));
    List<SubjectId> covered = new ArrayList<>();
    covered.addAll(topology.hosts().keySet());
    covered.addAll(topology.vms().keySet());
    covered.addAll(topology.services().keySet());
    probe.setCovers(covered);
  }

  /** Whether the VM runs on a reachable host and has finished booting since its last start. */
  private boolean booted(VmId vm) {
    boolean running = hypervisor.runningHostsOf(vm).stream().anyMatch(hypervisor::isReachable);
    int starts = hypervisor.startCount(vm);
    if (!running) {
      runningSince.remove(vm);
      return false;
    }
    if (!runningSince.containsKey(vm) || starts != startsSeen.getOrDefault(vm, 0)) {
      runningSince.put(vm, starts == 0 ? START.minus(BOOT) : time.instant());
      startsSeen.put(vm, starts);
    }
    return !time.instant().isBefore(runningSince.get(vm).plus(BOOT));
  }

  /** Breaks a service: it stays down until RelaxHA restarts it. */
  void breakService(ServiceId service) {
    brokenAtRestart.put(service, ssh.restartCount(service));
  }

  /** Reports every subject as the fakes show it now. */
  void observe() {
    for (HostId host : topology.hosts().keySet()) {
      boolean up = hypervisor.isPoweredOn(host) && hypervisor.isReachable(host);
      probe.observe(host, up ? ObservedStatus.UP : ObservedStatus.UNREACHABLE);
    }
    for (VmId vm : topology.vms().keySet()) {
      probe.observe(vm, booted(vm) ? ObservedStatus.UP : ObservedStatus.UNREACHABLE);
    }
    for (ServiceId service : topology.services().keySet()) {
      Integer broken = brokenAtRestart.get(service);
      if (broken != null && ssh.restartCount(service) > broken) {
        brokenAtRestart.remove(service);
      }
      boolean vmUp = booted(service.vm());
      if (vmUp) {
        probe.observe(
            service,
            brokenAtRestart.containsKey(service) ? ObservedStatus.FAILED : ObservedStatus.UP);
      }
    }
    time.runDue();
  }
}
