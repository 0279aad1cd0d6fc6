package org.relaxha.core.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.relaxha.core.detect.DetectionPolicy;
import org.relaxha.core.journal.InMemoryStateStore;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.fake.InMemoryFencer;
import org.relaxha.testkit.fake.InMemoryHypervisor;
import org.relaxha.testkit.fake.InMemoryMonitor;
import org.relaxha.testkit.fake.RecordingNotifier;

/**
 * A small data center of in-memory fakes driven by a real {@link HaController} in virtual time:
 * hosts h1..h3, VMs vm1..vmN on h1. {@link #observeAll()} plays a perfect monitor that reports what
 * the hypervisor shows.
 */
final class VirtualWorld {
  static final Instant T0 = Instant.parse("2026-03-29T01:59:59.123Z");

  final VirtualTime time = new VirtualTime(T0);
  final Topology topology;
  final InMemoryHypervisor hypervisor = new InMemoryHypervisor("mem", time);
  final InMemoryMonitor monitor = new InMemoryMonitor("probe", time);
  final InMemoryFencer fencer = new InMemoryFencer("ipmi", time).poweringOff(hypervisor);
  final RecordingNotifier notifier = new RecordingNotifier("mail", time);
  InMemoryStateStore store = InMemoryStateStore.create(EngineCodec.create());
  private boolean used;
  HaController controller;

  VirtualWorld(int vms) {
    List<Host> hosts = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      hosts.add(Host.builder("h" + i).capacity(16, 32768).build());
      hypervisor.addHost(HostId.of("h" + i));
    }
    List<Vm> list = new ArrayList<>();
    for (int i = 1; i <= vms; i++) {
      Vm vm = Vm.builder("vm" + i).homeHost("h1").criticality(Criticality.HIGH).build();
      list.add(vm);
      hypervisor.define(vm.id(), HostId.of("h1"), PowerState.RUNNING);
    }
    topology = Topology.of(hosts, list, List.of());
    List<SubjectId> covered = new ArrayList<>(topology.hosts().keySet());
    covered.addAll(topology.vms().keySet());
    monitor.setCovers(covered);
  }

  HaController start(UnaryOperator<HaControllerBuilder> extra) {
    HaControllerBuilder b =
        HaController.builder()
            .topology(topology)
            .virtualTime(time)
            .stateStore(this::nextStore)
            .detectionPolicy(
                DetectionPolicy.builder()
                    .check(Criticality.HIGH, Duration.ofSeconds(10), 2)
                    .build())
            .monitor(monitor)
            .hypervisor(hypervisor)
            .fencer(fencer)
            .notifier(notifier)
            .inventoryInterval(Duration.ofMinutes(5));
    controller = extra.apply(b).build();
    controller.start();
    time.runDue();
    observeAll();
    return controller;
  }

  /** Starts a controller and lets nothing happen yet: no time passes, nothing is observed. */
  HaController startQuietly(UnaryOperator<HaControllerBuilder> extra) {
    HaControllerBuilder b =
        HaController.builder()
            .topology(topology)
            .virtualTime(time)
            .stateStore(this::nextStore)
            .monitor(monitor)
            .hypervisor(hypervisor)
            .fencer(fencer)
            .notifier(notifier)
            .inventoryInterval(Duration.ofMinutes(5));
    controller = extra.apply(b).build();
    controller.start();
    return controller;
  }

  /**
   * The controller dies: its store is closed under it first, so no final snapshot is written and a
   * new controller must replay the journal.
   */
  void crash() {
    store = store.reopen();
    controller.close();
    controller = null;
  }

  /** The store as a restarted controller finds it. */
  private InMemoryStateStore nextStore() {
    if (used) {
      store = store.reopen();
    }
    used = true;
    return store;
  }

  /** Reports every host and VM as the hypervisor shows them. */
  void observeAll() {
    for (HostId h : topology.hosts().keySet()) {
      monitor.observe(
          h,
          hypervisor.isPoweredOn(h) && hypervisor.isReachable(h)
              ? ObservedStatus.UP
              : ObservedStatus.UNREACHABLE);
    }
    for (VmId vm : topology.vms().keySet()) {
      monitor.observe(
          vm,
          hypervisor.runningHostsOf(vm).isEmpty() ? ObservedStatus.UNREACHABLE : ObservedStatus.UP);
    }
    time.runDue();
  }

  /** Advances virtual time in steps of {@code step}, observing after each. */
  void run(Duration total, Duration step) {
    Instant end = time.instant().plus(total);
    while (time.instant().isBefore(end)) {
      time.advance(step);
      observeAll();
    }
  }
}
