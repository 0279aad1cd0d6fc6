package org.relaxha.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.relaxha.core.policy.StandardRecoveryPolicy;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.policy.HostRecovery;
import org.relaxha.spi.policy.RecoveryPolicy;
import org.relaxha.spi.policy.SafetyValve;

/** Small clusters for engine tests. */
final class Fixtures {
  private Fixtures() {}

  /** Hosts h1..hN (8 CPUs, 16 GiB) and VMs vm1..vmM on h1, each 1 CPU / 1 GiB. */
  static Topology cluster(int hosts, int vmsOnH1) {
    List<Host> hs = new ArrayList<>();
    for (int i = 1; i <= hosts; i++) {
      hs.add(Host.builder("h" + i).capacity(8, 16384).loadThreshold(16).build());
    }
    List<Vm> vms = new ArrayList<>();
    for (int i = 1; i <= vmsOnH1; i++) {
      vms.add(Vm.builder("vm" + i).demand(1, 1024).homeHost("h1").reinstallAllowed(true).build());
    }
    return Topology.of(hs, vms, List.of());
  }

  static Topology withService() {
    return Topology.of(
        List.of(
            Host.builder("h1").capacity(8, 16384).build(),
            Host.builder("h2").capacity(8, 16384).build()),
        List.of(Vm.builder("web").homeHost("h1").build()),
        List.of(Service.of("web", "httpd")));
  }

  static RecoveryPolicy policy() {
    return StandardRecoveryPolicy.ofDefaults();
  }

  static RecoveryPolicy policy(int bootsPerHost, int parallel) {
    return StandardRecoveryPolicy.builder()
        .hostRecovery(
            new HostRecovery(
                3,
                Duration.ofSeconds(10),
                bootsPerHost,
                parallel,
                Duration.ofSeconds(30),
                SafetyValve.ofDefaults()))
        .build();
  }
}
