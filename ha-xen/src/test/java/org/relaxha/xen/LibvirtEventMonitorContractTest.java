package org.relaxha.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.testkit.contract.MonitorContract;

/**
 * The Monitor conformance kit against the in-process test driver (host h-a) plus a host whose
 * libvirtd does not run (h-down). Losing a live connection needs a real daemon: that capability is
 * tested in {@code LibvirtQemuIT}.
 */
class LibvirtEventMonitorContractTest extends MonitorContract {
  @TempDir Path dir;

  @Override
  protected Monitor createMonitor() {
    return new LibvirtAdapter(TestDriverHosts.config(dir).build()).eventMonitor();
  }

  @Override
  protected Set<Capability> capabilities() {
    return EnumSet.noneOf(Capability.class);
  }

  @Override
  protected boolean isForeignThread(Thread thread) {
    // JNA's global reference cleaner, started on first use of native memory, lives as long as
    // the JVM: it is JNA's, not the monitor's.
    return super.isForeignThread(thread) || thread.getName().equals("JNA Cleaner");
  }

  @Test
  void reportsRunningVmsAndAnsweringHostsUpAndTheDeadHostUnreachable() throws InterruptedException {
    Duration wait = Duration.ofSeconds(10);
    assertThat(sink().awaitObservations(o -> o.subject().equals(VmId.of("vm-a")), 1, wait))
        .isTrue();
    assertThat(sink().awaitObservations(o -> o.subject().equals(HostId.of("h-a")), 1, wait))
        .isTrue();
    assertThat(sink().awaitObservations(o -> o.subject().equals(HostId.of("h-down")), 1, wait))
        .isTrue();
    assertThat(sink().observationsOf(VmId.of("vm-a")).get(0).status()).isEqualTo(ObservedStatus.UP);
    assertThat(sink().observationsOf(HostId.of("h-a")))
        .allMatch(o -> o.status() == ObservedStatus.UP);
    Observation dead = sink().observationsOf(HostId.of("h-down")).get(0);
    assertThat(dead.status()).isEqualTo(ObservedStatus.UNREACHABLE);
    assertThat(dead.authoritative()).isFalse();
    assertThat(dead.detail()).contains("VIR_ERR_SYSTEM_ERROR").contains("/nonexistent/relaxha");
    assertThat(sink().observationsOf(VmId.of("vm-b"))).as("a VM found off is no failure").isEmpty();
  }

  @Test
  void heartbeatsRepeatTheHostObservations() throws InterruptedException {
    assertThat(
            sink()
                .awaitObservations(
                    o -> o.subject().equals(HostId.of("h-a")), 3, Duration.ofSeconds(10)))
        .isTrue();
  }

  @Test
  void coversNothingSoSilenceProvesNothing() {
    assertThat(monitor().covers()).isEmpty();
  }
}
