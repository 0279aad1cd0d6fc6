package org.relaxha.spi.model;

import org.relaxha.spi.Require;

/**
 * A service inside a VM that RelaxHA restarts when it fails.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the service, named relative to its VM
 * @param criticality how often it is checked
 * @param unit the name a {@code ServiceControl} uses to restart it (an init script, a systemd
 *     unit); defaults to the service name
 */
public record Service(ServiceId id, Criticality criticality, String unit) {
  /** Validates every field. */
  public Service {
    Require.nonNull(id, "service.id");
    Require.nonNull(criticality, "service " + id + ": criticality");
    Require.nonBlank(unit, "service " + id + ": unit");
  }

  /** A MEDIUM service whose unit is its name. */
  public static Service of(String vm, String name) {
    return new Service(ServiceId.of(vm, name), Criticality.MEDIUM, name);
  }

  /** The VM this service runs in. */
  public VmId vm() {
    return id.vm();
  }
}
