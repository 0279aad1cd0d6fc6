package org.relaxha.xen.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.relaxha.core.policy.StandardRecoveryPolicy;
import org.relaxha.core.runtime.HaController;
import org.relaxha.core.runtime.Timeouts;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.policy.RetryBudget;
import org.relaxha.spi.policy.Rung;
import org.relaxha.spi.policy.VmLadder;
import org.relaxha.xen.LibvirtAdapter;
import org.relaxha.xen.LibvirtConfig;

/**
 * The controller process {@link LibvirtKillIT} kills: a real {@link HaController} with its journal
 * in a state directory, driving the libvirt adapter against the test's libvirtd, running until it
 * is killed. Its stability window is 3 s, so that each crash of the test starts a fresh ladder (the
 * default 10 min would make the second crash a relapse and end in GIVE_UP). Arguments: libvirt URI,
 * domain XML directory, state directory, domain names.
 */
public final class DurabilityChild {
  private DurabilityChild() {}

  /** Runs the controller until the process is killed. */
  public static void main(String[] args) throws InterruptedException {
    String uri = args[0];
    Path xmlDir = Path.of(args[1]);
    Path state = Path.of(args[2]);
    List<Vm> vms = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      vms.add(
          Vm.builder(args[i]).demand(1, 128).homeHost("h1").criticality(Criticality.HIGH).build());
    }
    LibvirtAdapter libvirt =
        new LibvirtAdapter(
            LibvirtConfig.builder()
                .name("kvm")
                .host(HostId.of("h1"), uri)
                .domainXmlDirectory(xmlDir)
                .callTimeout(Duration.ofSeconds(20))
                .connectTimeout(Duration.ofSeconds(5))
                .heartbeat(Duration.ofSeconds(2))
                .reconnect(Duration.ofMillis(200), Duration.ofSeconds(1))
                .build());
    HaController controller =
        HaController.builder()
            .topology(
                Topology.of(List.of(Host.builder("h1").capacity(4, 4096).build()), vms, List.of()))
            .stateDirectory(state)
            .hypervisor(libvirt.hypervisor())
            .monitor(libvirt.eventMonitor())
            .recoveryPolicy(
                StandardRecoveryPolicy.builder()
                    .vmLadder(
                        new VmLadder(
                            List.of(Rung.REBOOT, Rung.RESTART),
                            Duration.ofSeconds(20),
                            Duration.ofSeconds(60),
                            Duration.ofSeconds(60),
                            Duration.ofSeconds(3),
                            new RetryBudget(100, 100, Duration.ofHours(1))))
                    .build())
            .inventoryInterval(Duration.ofSeconds(2))
            .snapshotEvery(10)
            .timeouts(
                new Timeouts(
                    Duration.ofSeconds(20), Duration.ofSeconds(30), 2, Duration.ofSeconds(1)))
            .build();
    controller.start();
    System.out.println("DurabilityChild started");
    new CountDownLatch(1).await();
  }
}
