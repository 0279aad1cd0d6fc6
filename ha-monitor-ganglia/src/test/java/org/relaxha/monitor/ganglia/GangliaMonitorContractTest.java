package org.relaxha.monitor.ganglia;

import org.relaxha.monitor.ganglia.support.FakeGangliaServer;
import org.relaxha.monitor.ganglia.support.GangliaXml;
import org.relaxha.monitor.ganglia.support.Monitors;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.testkit.contract.MonitorContract;

/**
 * The Monitor conformance kit against a fake gmetad; GangliaMonitorContractIT runs it on real
 * gmond.
 */
class GangliaMonitorContractTest extends MonitorContract {
  private FakeGangliaServer gmetad;

  @Override
  protected Monitor createMonitor() {
    byte[] doc =
        GangliaXml.gmetad()
            .grid("g", 1000)
            .cluster("hatest", 1000)
            .host("node-a", "127.0.0.1", 2, 20)
            .host("node-b", "127.0.0.2", 3, 20)
            .endCluster()
            .endGrid()
            .bytes();
    if (gmetad != null) {
      gmetad.close();
    }
    gmetad = FakeGangliaServer.start(FakeGangliaServer.serving(doc));
    return Monitors.of(Monitors.fast(gmetad.address()).build());
  }

  @Override
  protected void loseSource(Monitor started) {
    gmetad.close();
  }

  @Override
  protected boolean isForeignThread(Thread thread) {
    return super.isForeignThread(thread) || thread.getName().startsWith("fake-ganglia");
  }
}
