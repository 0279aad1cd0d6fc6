package org.relaxha.examples.embed;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.relaxha.core.detect.DetectionPolicy;
import org.relaxha.core.runtime.HaController;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.fake.InMemoryHypervisor;
import org.relaxha.testkit.fake.InMemoryMonitor;

/**
 * Embedding RelaxHA in a Java program: describe the site, plug in the SPIs (here in-memory fakes;
 * in production libvirt, Nagios, IPMI...), build, start, feed observations, read the status.
 * Thread-safe as far as the controller is; meant to be read more than run.
 */
public final class EmbedExample {
  private EmbedExample() {}

  /** Crashes a VM and prints the status once RelaxHA has brought it back. */
  public static void main(String[] args) throws InterruptedException {
    Topology site =
        Topology.of(
            List.of(
                Host.builder("h1").capacity(8, 16384).build(),
                Host.builder("h2").capacity(8, 16384).build()),
            List.of(Vm.builder("web").homeHost("h1").criticality(Criticality.HIGH).build()),
            List.of());
    InMemoryHypervisor kvm =
        new InMemoryHypervisor("kvm", InstantSource.system()).addHosts("h1", "h2");
    kvm.define(VmId.of("web"), HostId.of("h1"), PowerState.RUNNING);
    InMemoryMonitor probe = new InMemoryMonitor("probe", InstantSource.system());
    try (HaController ha =
        HaController.builder()
            .topology(site)
            .inMemoryState() // production: .stateDirectory(Path.of("/var/lib/relaxha"))
            .detectionPolicy(
                DetectionPolicy.builder().check(Criticality.HIGH, Duration.ofSeconds(1), 2).build())
            .hypervisor(kvm)
            .monitor(probe)
            .build()) {
      ha.start();
      probe.observe(VmId.of("web"), ObservedStatus.UP);
      kvm.crashVm(VmId.of("web"), HostId.of("h1"));
      probe.observe(VmId.of("web"), ObservedStatus.UNREACHABLE);
      probe.observe(VmId.of("web"), ObservedStatus.UNREACHABLE);
      while (kvm.runningHostsOf(VmId.of("web")).isEmpty()) {
        Thread.sleep(50);
      }
      probe.observe(VmId.of("web"), ObservedStatus.UP);
      System.out.println(ha.status().of(VmId.of("web")).orElseThrow());
    }
  }
}
