package org.relaxha.xen;

import java.time.InstantSource;
import java.util.List;
import org.relaxha.spi.Require;

/**
 * One libvirt adapter for explicit wiring: a {@link LibvirtHypervisor} and a {@link
 * LibvirtEventMonitor} over the same connections (one per host). Each component is started and
 * closed by its user (the controller starts the hypervisor, then the monitor, and closes them in
 * the opposite order); the connections open with the first start and close with the last close.
 *
 * <pre>{@code
 * LibvirtAdapter libvirt = new LibvirtAdapter(
 *     LibvirtConfig.builder().host("node-a", "qemu+ssh://root@node-a/system").build());
 * HaController.builder()...hypervisor(libvirt.hypervisor()).monitor(libvirt.eventMonitor())...
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class LibvirtAdapter {
  private final LibvirtHypervisor hypervisor;
  private final LibvirtEventMonitor eventMonitor;

  /** An adapter on the system clock. */
  public LibvirtAdapter(LibvirtConfig config) {
    this(config, InstantSource.system());
  }

  /** An adapter whose observations and inventories are stamped by {@code clock}. */
  public LibvirtAdapter(LibvirtConfig config, InstantSource clock) {
    Require.nonNull(config, "config");
    Require.nonNull(clock, "clock");
    LibvirtSession session = new LibvirtSession(config);
    this.hypervisor = new LibvirtHypervisor(session, clock);
    this.eventMonitor = new LibvirtEventMonitor(session, clock);
  }

  /** The hypervisor component. */
  public LibvirtHypervisor hypervisor() {
    return hypervisor;
  }

  /** The lifecycle-event monitor component. */
  public LibvirtEventMonitor eventMonitor() {
    return eventMonitor;
  }

  /** Both components, the hypervisor first. */
  public List<Object> components() {
    return List.of(hypervisor, eventMonitor);
  }
}
