package org.relaxha.xen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.DomainEventType;
import org.libvirt.event.StoppedDetail;
import org.libvirt.event.SuspendedDetail;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.ObservedStatus;

class LifecycleEventsTest {
  private static LifecycleEvents.Reading read(DomainEventType type, int detail) {
    return LifecycleEvents.read(new DomainEvent(type, detail)).orElseThrow();
  }

  @Test
  void aStopByTheHypervisorIsAnAuthoritativeFailure() {
    LifecycleEvents.Reading failed = read(DomainEventType.STOPPED, StoppedDetail.FAILED.ordinal());
    assertThat(failed.status()).isEqualTo(ObservedStatus.UNREACHABLE);
    assertThat(failed.authoritative()).isTrue();
    assertThat(failed.state()).isEqualTo(PowerState.CRASHED);
    assertThat(failed.text()).isEqualTo("STOPPED (FAILED)");
    assertThat(read(DomainEventType.STOPPED, StoppedDetail.DESTROYED.ordinal()).state())
        .isEqualTo(PowerState.SHUT_OFF);
    assertThat(read(DomainEventType.CRASHED, 0).authoritative()).isTrue();
  }

  @Test
  void startAndResumeAreUpAndASuspendIsANonAuthoritativeFailure() {
    assertThat(read(DomainEventType.STARTED, 0).status()).isEqualTo(ObservedStatus.UP);
    assertThat(read(DomainEventType.RESUMED, 0).status()).isEqualTo(ObservedStatus.UP);
    LifecycleEvents.Reading paused = read(DomainEventType.SUSPENDED, 0);
    assertThat(paused.status()).isEqualTo(ObservedStatus.UNREACHABLE);
    assertThat(paused.authoritative()).isFalse();
    assertThat(paused.state()).isEqualTo(PowerState.PAUSED);
  }

  @Test
  void migrationShutdownAndDefinitionsReportNothing() {
    assertThat(
            LifecycleEvents.read(
                new DomainEvent(DomainEventType.STOPPED, StoppedDetail.MIGRATED.ordinal())))
        .isEmpty();
    assertThat(
            LifecycleEvents.read(
                new DomainEvent(DomainEventType.SUSPENDED, SuspendedDetail.MIGRATED.ordinal())))
        .isEmpty();
    assertThat(LifecycleEvents.read(new DomainEvent(DomainEventType.SHUTDOWN, 0))).isEmpty();
    assertThat(LifecycleEvents.read(new DomainEvent(DomainEventType.DEFINED, 0))).isEmpty();
    assertThat(LifecycleEvents.read(new DomainEvent(DomainEventType.UNKNOWN, 0))).isEmpty();
  }
}
