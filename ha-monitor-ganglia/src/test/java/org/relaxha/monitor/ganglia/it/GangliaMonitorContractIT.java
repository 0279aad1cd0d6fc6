package org.relaxha.monitor.ganglia.it;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.relaxha.monitor.ganglia.GangliaConfig;
import org.relaxha.monitor.ganglia.GangliaMonitor;
import org.relaxha.monitor.ganglia.support.Sites;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.testkit.contract.MonitorContract;

/**
 * The Monitor conformance kit against real gmonds: node-a (the collector, whose XML port the
 * monitor reads) and node-b reporting into it. Losing the source kills the collector; the next test
 * starts it again.
 */
class GangliaMonitorContractIT extends MonitorContract {
  private static GangliaLab lab;
  private static Daemon collector;

  @Override
  protected Monitor createMonitor() {
    if (lab == null) {
      lab = GangliaLab.create(5);
      collector = lab.collector("node-a", "127.0.0.1");
      lab.sender("node-b", "127.0.0.2");
    }
    if (!collector.alive()) {
      collector.start();
    }
    lab.awaitHosts(collector.xmlPort(), Duration.ofSeconds(30), "node-a", "node-b");
    GangliaConfig config =
        GangliaConfig.builder("ganglia")
            .polling(Duration.ofMillis(500), Duration.ofSeconds(5))
            .maxBackoff(Duration.ofSeconds(1))
            .source(collector.address())
            .covers(List.of("node-a", "node-b"))
            .build();
    return new GangliaMonitor(config, Sites.threeHosts(), Clock.systemUTC());
  }

  @Override
  protected void loseSource(Monitor started) {
    collector.kill();
  }

  @AfterAll
  static void stopDaemons() {
    if (lab != null) {
      lab.close();
      lab = null;
    }
  }
}
