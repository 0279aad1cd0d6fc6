/**
 * The ServiceControl SPI: act inside a guest (restart a service, reboot the guest), typically over
 * SSH.
 *
 * <p>Calls come from the controller's command executor threads and may block up to the controller's
 * per-call timeout; a guest that does not answer is {@link
 * org.relaxha.spi.model.ActionResult.Unreachable}, which lets the ladder skip to the next rung at
 * once.
 */
package org.relaxha.spi.service;
