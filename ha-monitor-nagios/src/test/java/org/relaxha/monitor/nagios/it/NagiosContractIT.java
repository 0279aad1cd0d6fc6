package org.relaxha.monitor.nagios.it;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.monitor.nagios.NagiosMonitor;
import org.relaxha.monitor.nagios.NagiosSettings;
import org.relaxha.monitor.nagios.SubjectMap;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.testkit.contract.MonitorContract;

/**
 * The Monitor conformance kit against real Nagios 4. Losing the source freezes Nagios (SIGSTOP):
 * status.dat stops being rewritten and the monitor must report it lost after staleAfter (3 s);
 * every test thaws it afterwards.
 */
class NagiosContractIT extends MonitorContract {
  @TempDir static Path dir;
  static LoopbackPort port;
  static NagiosProcess nagios;

  static Topology topology() {
    return Topology.of(
        List.of(Host.builder("node-a").build(), Host.builder("node-b").build()),
        List.of(Vm.builder("web-1").homeHost("node-a").build()),
        List.of(Service.of("web-1", "httpd")));
  }

  @BeforeAll
  static void startNagios() throws Exception {
    NagiosProcess.requireNagios();
    port = LoopbackPort.open();
    String objects =
        new NagiosObjects()
            .upHost("node-a")
            .upHost("node-b")
            .tcpHost("web-1", port.port())
            .tcpService("web-1", "httpd", port.port())
            .toString();
    nagios = NagiosProcess.configure(dir.resolve("nagios"), objects, Map.of()).start();
  }

  @AfterAll
  static void stopNagios() throws Exception {
    if (nagios != null) {
      nagios.close();
    }
    if (port != null) {
      port.close();
    }
  }

  @AfterEach
  void thaw() throws Exception {
    nagios.thaw();
  }

  @Override
  protected Monitor createMonitor() {
    SubjectMap map =
        SubjectMap.builder().hostsByName(topology()).servicesByName(topology()).build();
    NagiosSettings settings =
        NagiosSettings.builder(nagios.statusFile(), map)
            .pollInterval(Duration.ofMillis(200))
            .staleAfter(Duration.ofSeconds(3))
            .build();
    return new NagiosMonitor(settings, topology(), InstantSource.system());
  }

  @Override
  protected void loseSource(Monitor started) {
    try {
      nagios.freeze();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected boolean isForeignThread(Thread thread) {
    return super.isForeignThread(thread) || thread.getName().startsWith("it-port-");
  }
}
