package org.relaxha.spi.notify;

import org.relaxha.spi.model.ActionResult;

/**
 * Delivers notifications. Implementations are thread-safe; see the package documentation for
 * blocking and delivery guarantees.
 */
public interface Notifier {

  /** A short unique name for logs, e.g. {@code mail}. */
  String name();

  /** Delivers one notification. */
  ActionResult send(Notification notification);
}
