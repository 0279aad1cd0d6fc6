package org.relaxha.testkit.fake;

import java.time.InstantSource;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.service.ServiceControl;
import org.relaxha.testkit.Call;
import org.relaxha.testkit.CallLog;
import org.relaxha.testkit.Gate;

/**
 * A {@link ServiceControl} with scripted results. It covers every VM unless told otherwise ({@link
 * #setCovered}); restarts and reboots answer Done unless scripted ({@link #scriptRestart}, {@link
 * #scriptReboot}: one result per call, the last repeating). Linked to an {@link InMemoryHypervisor}
 * ({@link #linkedTo}), a guest whose VM runs nowhere is Unreachable, as an SSH connection to it
 * would be.
 *
 * <p>Calls are recorded: {@code restartService [VmId, ServiceId]}, {@code rebootGuest [VmId]}.
 * {@link #hangNext()} makes the next call wait at a {@link Gate} (interrupted: Unreachable).
 *
 * <p>Thread-safe.
 */
public final class InMemoryServiceControl implements ServiceControl {
  private final String name;
  private final CallLog log;
  private final Faults<SingleCall> faults = new Faults<>();
  private final Script<ServiceId, ActionResult> restarts = new Script<>();
  private final Script<VmId, ActionResult> reboots = new Script<>();
  private final Set<VmId> uncovered = new HashSet<>();
  private volatile InMemoryHypervisor hypervisor;

  /** A service control called {@code name}, stamping its calls with {@code clock}. */
  public InMemoryServiceControl(String name, InstantSource clock) {
    this.name = Require.nonBlank(name, "name");
    this.log = new CallLog(clock);
  }

  /** A guest whose VM runs on no host of {@code target} is Unreachable. */
  public InMemoryServiceControl linkedTo(InMemoryHypervisor target) {
    this.hypervisor = Require.nonNull(target, "hypervisor");
    return this;
  }

  /** Whether {@link #covers} is true for {@code vm} (default true). */
  public synchronized InMemoryServiceControl setCovered(VmId vm, boolean covered) {
    if (covered) {
      uncovered.remove(vm);
    } else {
      uncovered.add(Require.nonNull(vm, "vm"));
    }
    return this;
  }

  /** Scripts the results of restarting {@code service}. */
  public InMemoryServiceControl scriptRestart(ServiceId service, ActionResult... results) {
    restarts.set(service, Arrays.asList(results));
    return this;
  }

  /** Scripts the results of rebooting {@code vm}'s guest. */
  public InMemoryServiceControl scriptReboot(VmId vm, ActionResult... results) {
    reboots.set(vm, Arrays.asList(results));
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

  /** How many times {@code service} was restarted (successfully or not). */
  public int restartCount(ServiceId service) {
    return log.matching(c -> c.operation().equals("restartService") && c.involves(service)).size();
  }

  /** How many times {@code vm}'s guest was asked to reboot. */
  public int rebootCount(VmId vm) {
    return log.matching(c -> c.operation().equals("rebootGuest") && c.involves(vm)).size();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized boolean covers(Vm vm) {
    return !uncovered.contains(vm.id());
  }

  @Override
  public ActionResult restartService(Vm vm, Service service) {
    Object[] args = {vm.id(), service.id()};
    ActionResult result =
        run(
            args,
            () ->
                restarts.next(service.id()).orElse(ActionResult.done(service.id() + " restarted")),
            vm.id());
    log.record("restartService", result, args);
    return result;
  }

  @Override
  public ActionResult rebootGuest(Vm vm) {
    Object[] args = {vm.id()};
    ActionResult result =
        run(
            args,
            () ->
                reboots.next(vm.id()).orElse(ActionResult.done("guest " + vm.id() + " rebooting")),
            vm.id());
    log.record("rebootGuest", result, args);
    return result;
  }

  private ActionResult run(Object[] args, java.util.function.Supplier<ActionResult> act, VmId vm) {
    return faults.run(
        SingleCall.CALL,
        args,
        injected -> (ActionResult) injected,
        () -> ActionResult.unreachable("interrupted"),
        () -> {
          InMemoryHypervisor linked = hypervisor;
          if (linked != null && linked.runningHostsOf(vm).isEmpty()) {
            return ActionResult.unreachable("guest " + vm + " does not answer: not running");
          }
          return act.get();
        });
  }

  @Override
  public String toString() {
    return "InMemoryServiceControl[" + name + "]";
  }
}
