package org.relaxha.xen;

import java.util.Optional;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.DomainEventType;
import org.libvirt.event.StoppedDetail;
import org.libvirt.event.SuspendedDetail;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.model.ObservedStatus;

/**
 * What a libvirt lifecycle event says about a VM, in RelaxHA's terms. Pure; stateless and
 * thread-safe.
 *
 * <ul>
 *   <li>STARTED, RESUMED: UP.
 *   <li>STOPPED (shut down, destroyed, failed, crashed, saved), CRASHED: UNREACHABLE and
 *       <b>authoritative</b> (the hypervisor itself says the VM is gone, so it is DOWN at once).
 *       STOPPED because it migrated away is not a failure and reports nothing.
 *   <li>SUSPENDED (paused, I/O error, watchdog...), PMSUSPENDED: UNREACHABLE, not authoritative (it
 *       holds its disks and may be resumed); the pause at the end of a migration reports nothing.
 *   <li>SHUTDOWN (the guest is shutting down), DEFINED, UNDEFINED: nothing yet.
 * </ul>
 */
final class LifecycleEvents {
  private LifecycleEvents() {}

  /**
   * What one event means.
   *
   * @param status the observed status to report
   * @param authoritative whether the failure is certain
   * @param state the power state the domain is now in
   * @param text the event as text, e.g. {@code STOPPED (FAILED)}
   */
  record Reading(ObservedStatus status, boolean authoritative, PowerState state, String text) {}

  static Optional<Reading> read(DomainEvent event) {
    DomainEventType type = event.getType();
    Object detail = detailOf(event);
    String text = type + (detail == null ? "" : " (" + detail + ")");
    switch (type) {
      case STARTED:
      case RESUMED:
        return Optional.of(new Reading(ObservedStatus.UP, false, PowerState.RUNNING, text));
      case STOPPED:
        if (detail == StoppedDetail.MIGRATED) {
          return Optional.empty();
        }
        PowerState off =
            detail == StoppedDetail.CRASHED || detail == StoppedDetail.FAILED
                ? PowerState.CRASHED
                : PowerState.SHUT_OFF;
        return Optional.of(new Reading(ObservedStatus.UNREACHABLE, true, off, text));
      case CRASHED:
        return Optional.of(new Reading(ObservedStatus.UNREACHABLE, true, PowerState.CRASHED, text));
      case SUSPENDED:
        if (detail == SuspendedDetail.MIGRATED) {
          return Optional.empty();
        }
        return Optional.of(new Reading(ObservedStatus.UNREACHABLE, false, PowerState.PAUSED, text));
      case PMSUSPENDED:
        return Optional.of(new Reading(ObservedStatus.UNREACHABLE, false, PowerState.PAUSED, text));
      default:
        return Optional.empty();
    }
  }

  private static Object detailOf(DomainEvent event) {
    try {
      return event.getDetail();
    } catch (RuntimeException e) {
      return null; // an event type this libvirt-java does not know has no detail table
    }
  }
}
