package org.relaxha.spi.service;

import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.Vm;

/**
 * Acts inside guests. Implementations are thread-safe; see the package documentation for blocking.
 */
public interface ServiceControl {

  /** A short unique name for logs, e.g. {@code ssh}. */
  String name();

  /** Whether this control can reach into {@code vm} (it has credentials for it). */
  boolean covers(Vm vm);

  /** Restarts {@code service} inside {@code vm}. */
  ActionResult restartService(Vm vm, Service service);

  /** Reboots the guest from inside. */
  ActionResult rebootGuest(Vm vm);
}
