package org.relaxha.sim;

import org.relaxha.spi.Require;

/**
 * Access into the guests (SSH): whether the controller has it, and how long a service restart
 * takes. Without it, services cannot be restarted and a reboot goes through the hypervisor (ACPI).
 *
 * <p>Immutable and thread-safe.
 *
 * @param ssh whether the controller can log into the guests
 * @param serviceRestart how long restarting a service takes
 */
public record GuestModel(boolean ssh, Distribution serviceRestart) {
  /** Validates every field. */
  public GuestModel {
    Require.nonNull(serviceRestart, "guests.serviceRestart");
  }

  /** SSH into every guest, 2 to 4 s to restart a service. */
  public static GuestModel ofDefaults() {
    return new GuestModel(true, Distribution.uniformSeconds(2, 4));
  }
}
