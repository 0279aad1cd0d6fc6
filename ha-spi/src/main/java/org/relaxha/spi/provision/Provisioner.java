package org.relaxha.spi.provision;

import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;

/** Reinstalls VMs. Implementations are thread-safe; see the package documentation for blocking. */
public interface Provisioner {

  /** A short unique name for logs, e.g. {@code pxe}. */
  String name();

  /**
   * Wipes and reinstalls {@code vm} on {@code host}: the VM is powered off first, so this never
   * runs it twice. Returns once the reinstall is under way.
   */
  ActionResult reinstall(Vm vm, HostId host);
}
