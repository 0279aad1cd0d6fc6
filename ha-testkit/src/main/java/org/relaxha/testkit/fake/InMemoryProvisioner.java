package org.relaxha.testkit.fake;

import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.provision.Provisioner;
import org.relaxha.testkit.Call;
import org.relaxha.testkit.CallLog;
import org.relaxha.testkit.Gate;

/**
 * A {@link Provisioner} with scripted results per VM (one per call, the last repeating; Done by
 * default). Linked to an {@link InMemoryHypervisor} ({@link #linkedTo}), a Done reinstall powers
 * the VM off and starts it again on that host, as a PXE reinstall ends with the VM booting (this
 * counts as a start in {@link InMemoryHypervisor#startCount}).
 *
 * <p>Calls are recorded with arguments {@code [VmId, HostId]}. {@link #hangNext()} makes the next
 * call wait at a {@link Gate} (interrupted: Unreachable).
 *
 * <p>Thread-safe.
 */
public final class InMemoryProvisioner implements Provisioner {
  private final String name;
  private final CallLog log;
  private final Faults<SingleCall> faults = new Faults<>();
  private final Script<VmId, ActionResult> scripts = new Script<>();
  private volatile InMemoryHypervisor hypervisor;

  /** A provisioner called {@code name}, stamping its calls with {@code clock}. */
  public InMemoryProvisioner(String name, InstantSource clock) {
    this.name = Require.nonBlank(name, "name");
    this.log = new CallLog(clock);
  }

  /** A Done reinstall power-cycles the VM on {@code target} (which must be started). */
  public InMemoryProvisioner linkedTo(InMemoryHypervisor target) {
    this.hypervisor = Require.nonNull(target, "hypervisor");
    return this;
  }

  /** Scripts the results of reinstalling {@code vm}. */
  public InMemoryProvisioner script(VmId vm, ActionResult... results) {
    scripts.set(vm, Arrays.asList(results));
    return this;
  }

  /** The next call hangs until the gate is released or the thread interrupted. */
  public Gate hangNext() {
    Gate gate = new Gate();
    faults.add(SingleCall.CALL, null, new Faults.Hang(gate), true);
    return gate;
  }

  /** Every call so far. */
  public List<Call> calls() {
    return log.all();
  }

  /** How many times {@code vm} was asked to be reinstalled. */
  public int reinstallCount(VmId vm) {
    return log.matching(c -> c.involves(vm)).size();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ActionResult reinstall(Vm vm, HostId host) {
    Object[] args = {vm.id(), host};
    ActionResult result =
        faults.run(
            SingleCall.CALL,
            args,
            injected -> (ActionResult) injected,
            () -> ActionResult.unreachable("reinstall interrupted"),
            () -> {
              ActionResult scripted =
                  scripts.next(vm.id()).orElse(ActionResult.done(vm.id() + " reinstalling"));
              InMemoryHypervisor linked = hypervisor;
              if (scripted.succeeded() && linked != null) {
                ActionResult stop = linked.stopVm(vm.id(), host);
                return stop.succeeded() ? linked.startVm(vm, host) : stop;
              }
              return scripted;
            });
    log.record("reinstall", result, args);
    return result;
  }

  @Override
  public String toString() {
    return "InMemoryProvisioner[" + name + "]";
  }
}
