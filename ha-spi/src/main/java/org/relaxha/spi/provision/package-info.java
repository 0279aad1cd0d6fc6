/**
 * The Provisioner SPI: reinstall a VM from scratch (PXE boot into an installer), the last rung of
 * the ladder before giving up.
 *
 * <p>Calls come from the controller's command executor threads; {@link
 * org.relaxha.spi.provision.Provisioner#reinstall} starts the reinstall and returns once it is
 * under way (the VM coming back is observed by the monitors, within the ladder's reinstall
 * timeout).
 */
package org.relaxha.spi.provision;
