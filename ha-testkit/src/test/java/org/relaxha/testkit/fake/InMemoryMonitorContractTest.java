package org.relaxha.testkit.fake;

import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.testkit.ManualClock;
import org.relaxha.testkit.contract.MonitorContract;

class InMemoryMonitorContractTest extends MonitorContract {

  @Override
  protected Monitor createMonitor() {
    return new InMemoryMonitor("mem-monitor", ManualClock.atOddInstant())
        .covering(HostId.of("h1"), VmId.of("web-1"));
  }

  @Override
  protected void provoke(Monitor started) {
    InMemoryMonitor monitor = (InMemoryMonitor) started;
    for (SubjectId subject : monitor.covers()) {
      monitor.observe(subject, ObservedStatus.UP);
    }
  }

  @Override
  protected void loseSource(Monitor started) {
    ((InMemoryMonitor) started).sourceLost("unplugged");
  }
}
