/**
 * The StorageBackend SPI: whether a host can reach a VM's disks, and disk leases ("no lease, no
 * start") that keep two hosts from running one VM when fencing cannot prove a host is off.
 *
 * <p>Calls come from the controller's command executor threads and may block up to the controller's
 * per-call timeout; expected failures are result values.
 */
package org.relaxha.spi.storage;
