/**
 * The Fencer SPI: prove that a failed host is off (power it off through IPMI, destroy its VMs
 * through a hypervisor that still answers, wait out its disk leases) before any of its VMs starts
 * elsewhere.
 *
 * <p>Calls come from the controller's command executor threads, may block up to the controller's
 * fencing timeout, and report expected failures as {@link org.relaxha.spi.fencing.FenceResult}
 * values.
 */
package org.relaxha.spi.fencing;
