package org.relaxha.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.relaxha.core.detect.DetectionPolicy;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;

/** Small data centers for the simulator's tests. */
final class TestScenarios {
  private TestScenarios() {}

  /** Three hosts; db-1, web-1, cache-1 on node-a; web-2 on node-b; batch-1 on node-c. */
  static Topology small() {
    List<Host> hosts = new ArrayList<>();
    for (String name : List.of("node-a", "node-b", "node-c")) {
      hosts.add(Host.builder(name).capacity(16, 65536).criticality(Criticality.HIGH).build());
    }
    List<Vm> vms =
        List.of(
            Vm.builder("db-1")
                .homeHost("node-a")
                .demand(4, 16384)
                .restartPriority(10)
                .criticality(Criticality.HIGH)
                .build(),
            Vm.builder("web-1")
                .homeHost("node-a")
                .demand(2, 4096)
                .antiAffinityGroup("web")
                .criticality(Criticality.HIGH)
                .build(),
            Vm.builder("cache-1")
                .homeHost("node-a")
                .demand(2, 8192)
                .criticality(Criticality.HIGH)
                .build(),
            Vm.builder("web-2")
                .homeHost("node-b")
                .demand(2, 4096)
                .antiAffinityGroup("web")
                .criticality(Criticality.HIGH)
                .build(),
            Vm.builder("batch-1")
                .homeHost("node-c")
                .demand(4, 8192)
                .reinstallAllowed(true)
                .criticality(Criticality.HIGH)
                .build());
    Service httpd = new Service(ServiceId.of("web-1", "httpd"), Criticality.HIGH, "apache2");
    return Topology.of(hosts, vms, List.of(httpd));
  }

  /** The small data center checked every 10 s by Nagios, with an event feed and IPMI. */
  static Scenario.Builder smallScenario() {
    Scenario.Builder b = Scenario.builder(small()).name("small").duration(Duration.ofMinutes(30));
    java.util.Map<Criticality, Duration> every = new java.util.EnumMap<>(Criticality.class);
    for (Criticality c : Criticality.values()) {
      every.put(c, Duration.ofSeconds(10));
    }
    b.monitor(
        new MonitorSpec.Nagios(
            "nagios",
            every,
            every,
            3,
            Distribution.fixed(Duration.ofMillis(500)),
            java.util.EnumSet.allOf(org.relaxha.spi.model.SubjectId.Kind.class)));
    b.monitor(MonitorSpec.Events.ofDefaults());
    DetectionPolicy.Builder d = DetectionPolicy.builder();
    for (Criticality c : Criticality.values()) {
      d.check(c, Duration.ofSeconds(10), 2);
    }
    b.detection(d.build());
    return b;
  }
}
