package org.relaxha.spi.hypervisor;

import java.util.Set;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;

/**
 * Controls the VMs of a set of physical hosts.
 *
 * <p>Every lifecycle call is <b>idempotent</b> and checks before it acts: {@link #startVm} on a VM
 * already running on that host reports {@link ActionResult.Done} without starting it again, and
 * {@link #stopVm} on a VM that is off reports Done. Whether the VM runs on <i>another</i> host is
 * the controller's business: it asks {@link #inventory} of every reachable host before a start.
 * This is what lets a controller that crashed mid-command re-issue the command safely.
 *
 * <p><b>Lifecycle.</b> {@link #start} connects (or prepares to connect lazily) and is called once
 * before any other method but {@link #name} and {@link #hosts}; {@link #close} releases every
 * connection and thread and is idempotent.
 *
 * <p>Implementations are thread-safe. See the package documentation for blocking and timeouts.
 */
public interface Hypervisor extends AutoCloseable {

  /** A short unique name for logs, e.g. {@code libvirt}. */
  String name();

  /** The hosts this hypervisor adapter manages. */
  Set<HostId> hosts();

  /**
   * Connects. Throws {@link IllegalStateException} naming the setting for a broken configuration.
   */
  void start();

  /** The VMs defined on {@code host} with their power states. */
  InventoryResult inventory(HostId host);

  /**
   * Starts {@code vm} on {@code host}, defining it there first if needed (disks on shared storage).
   * Done if it already runs there.
   */
  ActionResult startVm(Vm vm, HostId host);

  /**
   * Powers {@code vm} off on {@code host} at once (destroy). Done if it is already off or absent.
   */
  ActionResult stopVm(VmId vm, HostId host);

  /**
   * Asks the guest to reboot (ACPI). {@link ActionResult.Unreachable} if the guest cannot be asked.
   */
  ActionResult rebootVm(VmId vm, HostId host);

  /** Destroys and starts {@code vm} on the same host: a hard power-cycle. */
  ActionResult powerCycleVm(Vm vm, HostId host);

  /** Releases connections and threads. Idempotent; never throws. */
  @Override
  void close();
}
