package org.relaxha.sim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.relaxha.sim.MonitorSpec;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.testkit.contract.MonitorContract;

/**
 * The three simulated monitors pass the Monitor SPI's conformance kit (a simulated source cannot be
 * lost, so that capability is not declared). Virtual time moves only when the kit provokes.
 */
class MonitorKitTests {

  @Nested
  class Nagios extends MonitorContract {
    SimWorld world;

    @Override
    protected Monitor createMonitor() {
      world = Worlds.threeHosts();
      return new NagiosMonitor(world, MonitorSpec.Nagios.ofDefaults());
    }

    @Override
    protected void provoke(Monitor started) {
      world.time().advance(Duration.ofMinutes(2));
    }

    @Override
    protected Set<Capability> capabilities() {
      return EnumSet.noneOf(Capability.class);
    }

    @Test
    void aCrashedServiceIsFailedAndAnIsolatedHostUnreachable() throws InterruptedException {
      world.service(org.relaxha.spi.model.ServiceId.of("vm-run", "httpd"), true);
      awaitFirstObservations();
      assertThat(sink().observations())
          .anyMatch(
              o ->
                  o.subject().toString().equals("vm-run/httpd")
                      && o.status() == ObservedStatus.FAILED)
          .anyMatch(o -> o.subject().equals(Worlds.H3) && o.status() == ObservedStatus.UNREACHABLE)
          .anyMatch(o -> o.subject().equals(Worlds.H1) && o.metrics().containsKey("load_five"));
    }
  }

  @Nested
  class Ganglia extends MonitorContract {
    SimWorld world;

    @Override
    protected Monitor createMonitor() {
      world = Worlds.threeHosts();
      return new GangliaMonitor(world, MonitorSpec.Ganglia.ofDefaults());
    }

    @Override
    protected void provoke(Monitor started) {
      world.time().advance(Duration.ofMinutes(3));
    }

    @Override
    protected Set<Capability> capabilities() {
      return EnumSet.noneOf(Capability.class);
    }

    @Test
    void aDeadVmIsSeenOnlyAfterDeadAfterAndUpCarriesTheHeartbeatsTime()
        throws InterruptedException {
      awaitFirstObservations();
      assertThat(sink().observations())
          .filteredOn(o -> o.status() == ObservedStatus.UP)
          .allMatch(o -> !o.at().isAfter(world.now()));
      world.crash(VmId.of("vm-run"), false);
      int before = sink().observations().size();
      world.time().advance(Duration.ofSeconds(55));
      assertThat(sink().observations().subList(before, sink().observations().size()))
          .noneMatch(
              o ->
                  o.subject().equals(VmId.of("vm-run"))
                      && o.status() == ObservedStatus.UNREACHABLE);
      world.time().advance(Duration.ofMinutes(3));
      assertThat(sink().observations())
          .anyMatch(
              o ->
                  o.subject().equals(VmId.of("vm-run"))
                      && o.status() == ObservedStatus.UNREACHABLE);
    }
  }

  @Nested
  class Events extends MonitorContract {
    SimWorld world;

    @Override
    protected Monitor createMonitor() {
      world = Worlds.threeHosts();
      return new EventFeedMonitor(world, MonitorSpec.Events.ofDefaults());
    }

    @Override
    protected void provoke(Monitor started) {
      world.crash(VmId.of("vm-run"), false);
      world.network(Worlds.H2, false);
      world.time().advance(Duration.ofSeconds(5));
    }

    @Override
    protected Set<Capability> capabilities() {
      return EnumSet.noneOf(Capability.class);
    }

    @Test
    void aCrashIsAuthoritativeAndALostConnectionIsNot() throws InterruptedException {
      awaitFirstObservations();
      assertThat(sink().observations())
          .anyMatch(o -> o.subject().equals(VmId.of("vm-run")) && o.authoritative())
          .anyMatch(o -> o.subject().equals(Worlds.H2) && !o.authoritative());
    }
  }
}
