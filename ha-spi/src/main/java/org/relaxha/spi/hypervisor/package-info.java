/**
 * The Hypervisor SPI: inventory (which VM runs on which host, in which power state) and VM
 * lifecycle (start, stop, reboot, power-cycle, start on another host).
 *
 * <p><b>Threading and blocking.</b> The controller calls these methods from its command executor
 * threads, possibly several at once for different VMs; each call may block on the network but the
 * controller bounds it with a per-call timeout and interrupts the thread when it expires, so
 * implementations must stay interruptible or bound their own I/O. Expected failures (host
 * unreachable, VM not defined) are {@link org.relaxha.spi.model.ActionResult} or {@link
 * org.relaxha.spi.hypervisor.InventoryResult} values; exceptions are reserved for bugs.
 */
package org.relaxha.spi.hypervisor;
