package org.relaxha.testkit.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.relaxha.spi.Require;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.hypervisor.InventoryResult;
import org.relaxha.spi.hypervisor.PowerState;
import org.relaxha.spi.hypervisor.VmStatus;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.testkit.Call;
import org.relaxha.testkit.CallLog;

/**
 * A {@link Hypervisor} over a {@link FileBackedWorld}: its state survives the JVM that uses it, so
 * a controller process can be killed and restarted while the world goes on.
 *
 * <p>Semantics are those of the SPI and of {@link org.relaxha.testkit.fake.InMemoryHypervisor}:
 * start of a VM running on that host is Done without a new START event; stop of an off or absent VM
 * is Done; a start on a host where the VM is not defined defines it there; a host that is off or
 * cut off is Unreachable; a host the world does not have is Failed. Every change is one
 * read-modify-write under the world's lock and one or more lines in {@code events.log} (a
 * power-cycle is STOP then START).
 *
 * <p>Interrupting a call (a controller's timeout) makes it return Unreachable; the change may or
 * may not have happened, as with a real hypervisor. Calls are also recorded in this process's
 * {@link #calls() call log} with arguments {@code [VmId, HostId]} ({@code [HostId]} for inventory).
 *
 * <p>Thread-safe; any number of instances in any number of processes may share one world.
 */
public final class FileBackedHypervisor implements Hypervisor {
  private final FileBackedWorld world;
  private final String name;
  private final CallLog log;
  private volatile boolean started;
  private volatile boolean closed;

  /** A hypervisor called {@code name} over {@code world}. */
  public FileBackedHypervisor(FileBackedWorld world, String name) {
    this.world = Require.nonNull(world, "world");
    this.name = Require.nonBlank(name, "name");
    this.log = new CallLog(world.clock());
  }

  /** This process's calls so far. */
  public List<Call> calls() {
    return log.all();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<HostId> hosts() {
    return Set.copyOf(world.state().hosts().keySet());
  }

  @Override
  public void start() {
    try {
      world.state();
    } catch (UncheckedIOException e) {
      throw new IllegalStateException("hypervisor " + name + ": world unreadable: " + e, e);
    }
    started = true;
    closed = false;
  }

  @Override
  public InventoryResult inventory(HostId host) {
    InventoryResult result = inventoryOf(host);
    log.record("inventory", result, host);
    return result;
  }

  @Override
  public ActionResult startVm(Vm vm, HostId host) {
    return act("startVm", vm.id(), host, s -> start(s, vm.id(), host, false));
  }

  @Override
  public ActionResult stopVm(VmId vm, HostId host) {
    return act(
        "stopVm",
        vm,
        host,
        s -> {
          Optional<PowerState> state = s.state().stateOf(vm, host);
          if (state.isEmpty()) {
            return ActionResult.done(vm + " is not defined on " + host);
          }
          if (!state.get().mayBeRunning()) {
            return ActionResult.done(vm + " was already off on " + host);
          }
          WorldEvent e = s.append(WorldEvent.Type.STOP, host, vm, null, "stopVm by " + name);
          return ActionResult.done(vm + " destroyed on " + host + " (event " + e.sequence() + ")");
        });
  }

  @Override
  public ActionResult rebootVm(VmId vm, HostId host) {
    return act(
        "rebootVm",
        vm,
        host,
        s -> {
          Optional<PowerState> state = s.state().stateOf(vm, host);
          if (state.isEmpty() || state.get() != PowerState.RUNNING) {
            return ActionResult.failed(vm + " is not running on " + host);
          }
          s.append(WorldEvent.Type.REBOOT, host, vm, null, "rebootVm by " + name);
          return ActionResult.done(vm + " rebooted on " + host);
        });
  }

  @Override
  public ActionResult powerCycleVm(Vm vm, HostId host) {
    return act("powerCycleVm", vm.id(), host, s -> start(s, vm.id(), host, true));
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "FileBackedHypervisor[" + name + " over " + world.directory() + "]";
  }

  private ActionResult start(WorldStore.Session s, VmId vm, HostId host, boolean cycle)
      throws IOException {
    Optional<PowerState> state = s.state().stateOf(vm, host);
    if (!cycle && state.equals(Optional.of(PowerState.RUNNING))) {
      return ActionResult.done(vm + " already runs on " + host);
    }
    if (!cycle && state.isPresent() && state.get().mayBeRunning()) {
      return ActionResult.retryable(vm + " is " + state.get() + " on " + host + "; stop it first");
    }
    String how = cycle ? "powerCycleVm" : "startVm";
    if (cycle && state.isPresent() && state.get().mayBeRunning()) {
      s.append(WorldEvent.Type.STOP, host, vm, null, how + " by " + name);
    }
    WorldEvent e = s.append(WorldEvent.Type.START, host, vm, null, how + " by " + name);
    return ActionResult.done(vm + " started on " + host + " (event " + e.sequence() + ")");
  }

  private InventoryResult inventoryOf(HostId host) {
    if (!checkOpen()) {
      return new InventoryResult.Unreachable(host, "hypervisor " + name + " is closed");
    }
    try {
      WorldState state = world.transact(WorldStore.Session::state);
      Optional<WorldState.HostState> h = state.host(host);
      if (h.isEmpty() || !h.get().isUp()) {
        return new InventoryResult.Unreachable(host, unreachableReason(h, host));
      }
      List<VmStatus> vms =
          h.get().vms().entrySet().stream()
              .map(e -> new VmStatus(e.getKey(), e.getValue()))
              .toList();
      return new InventoryResult.Listed(host, vms, world.clock().instant());
    } catch (IOException e) {
      return new InventoryResult.Unreachable(host, "world unreadable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new InventoryResult.Unreachable(host, "inventory interrupted");
    }
  }

  /** A change to a VM on a host that must be up; translates I/O and interrupts into results. */
  private ActionResult act(
      String operation, VmId vm, HostId host, WorldStore.Work<ActionResult> change) {
    ActionResult result;
    if (!checkOpen()) {
      result = ActionResult.unreachable("hypervisor " + name + " is closed");
    } else {
      try {
        result =
            world.transact(
                s -> {
                  Optional<WorldState.HostState> h = s.state().host(host);
                  if (h.isEmpty()) {
                    return ActionResult.failed("host " + host + " is not in the world");
                  }
                  if (!h.get().isUp()) {
                    return ActionResult.unreachable(unreachableReason(h, host));
                  }
                  return change.run(s);
                });
      } catch (IOException e) {
        result = ActionResult.retryable("world I/O failed: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        result = ActionResult.unreachable(operation + " interrupted");
      }
    }
    log.record(operation, result, vm, host);
    return result;
  }

  private static String unreachableReason(Optional<WorldState.HostState> h, HostId host) {
    if (h.isEmpty()) {
      return "host " + host + " is not in the world";
    }
    return h.get().poweredOn() ? "host " + host + " is cut off" : "host " + host + " is off";
  }

  private boolean checkOpen() {
    if (!started) {
      throw new IllegalStateException("hypervisor " + name + " used before start()");
    }
    return !closed;
  }
}
