package org.relaxha.monitor.ganglia.support;

import java.util.List;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;

/** Small topologies for the tests. */
public final class Sites {
  private Sites() {}

  /** Hosts node-a, node-b, node-c; VMs web-1 (on node-a) and db-1 (on node-b). */
  public static Topology threeHosts() {
    return Topology.of(
        List.of(
            Host.builder("node-a").build(),
            Host.builder("node-b").build(),
            Host.builder("node-c").build()),
        List.of(
            Vm.builder("web-1").homeHost("node-a").build(),
            Vm.builder("db-1").homeHost("node-b").build()),
        List.of());
  }
}
