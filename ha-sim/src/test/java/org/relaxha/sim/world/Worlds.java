package org.relaxha.sim.world;

import java.time.Duration;
import java.util.List;
import org.relaxha.core.runtime.VirtualTime;
import org.relaxha.sim.Scenario;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;

/** A small simulated world for the SPI conformance kits: h1 holds a running and a stopped VM. */
final class Worlds {
  static final HostId H1 = HostId.of("h1");
  static final HostId H2 = HostId.of("h2");
  static final HostId H3 = HostId.of("h3");
  static final Vm RUNNING = Vm.builder("vm-run").homeHost("h1").demand(1, 1024).build();
  static final Vm STOPPED = Vm.builder("vm-stop").homeHost("h1").demand(1, 1024).build();

  private Worlds() {}

  /** h1 (vm-run running, vm-stop shut off), h2, and h3 whose network is cut. */
  static SimWorld threeHosts() {
    Topology t =
        Topology.of(
            List.of(
                Host.builder("h1").capacity(8, 16384).criticality(Criticality.HIGH).build(),
                Host.builder("h2").capacity(8, 16384).criticality(Criticality.HIGH).build(),
                Host.builder("h3").capacity(8, 16384).criticality(Criticality.HIGH).build()),
            List.of(RUNNING, STOPPED),
            List.of(new Service(ServiceId.of("vm-run", "httpd"), Criticality.HIGH, "httpd")));
    Scenario s = Scenario.builder(t).duration(Duration.ofHours(1)).build();
    SimWorld world = new SimWorld(s, new VirtualTime(s.start()), 7);
    world.stop(VmId.of("vm-stop"), H1);
    world.network(H3, false);
    return world;
  }
}
