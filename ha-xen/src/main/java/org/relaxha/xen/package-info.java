/**
 * The libvirt adapter (type {@code libvirt}): a {@link org.relaxha.spi.hypervisor.Hypervisor} and a
 * lifecycle-event {@link org.relaxha.spi.monitor.Monitor} over libvirt-java, for every hypervisor
 * libvirt drives ({@code xen:///system}, {@code qemu:///system}, {@code qemu+ssh://host/system},
 * and libvirt's in-process {@code test:///} driver).
 *
 * <p>{@link org.relaxha.xen.LibvirtAdapter} wires both components over one connection per host for
 * embedding; {@link org.relaxha.xen.LibvirtAdapterProvider} builds them from the launcher's
 * configuration. libvirt's own objects and exceptions never leave this package: errors come out as
 * {@link org.relaxha.spi.model.ActionResult}s and {@link org.relaxha.xen.LibvirtError}s that name
 * the host, the VM and libvirt's error code.
 *
 * <p><b>Threads.</b> Every libvirt call runs on the adapter's own bounded pool and is given up
 * after its timeout; libvirt's event loop runs on one daemon thread per process while some adapter
 * is open; a small scheduler per adapter reconnects and sends heartbeats. All of them stop when the
 * adapter's last component closes, except a call stuck in native code, whose thread stays until
 * libvirt returns. A connection that drops or is closed is freed only after the last call using it
 * has returned ({@link org.relaxha.xen.SharedConnection}); calls still queued at the close are
 * answered as unreachable at once.
 */
package org.relaxha.xen;
