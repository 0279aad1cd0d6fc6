/**
 * The Notifier SPI: tell the administrators what RelaxHA did and what it could not do (mail, chat,
 * a ticket, a log line).
 *
 * <p>Calls come from the controller's command executor threads and may block up to the controller's
 * per-call timeout. Delivery is at least once: after a controller restart a notification whose
 * delivery was not recorded is sent again.
 */
package org.relaxha.spi.notify;
