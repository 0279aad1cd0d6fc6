package org.relaxha.sim.world;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relaxha.core.runtime.Cancellable;
import org.relaxha.sim.MonitorSpec;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.monitor.MonitoringControl;

/**
 * A Nagios-like poller over a {@link SimWorld} ({@link MonitorSpec.Nagios}): every covered subject
 * is checked at its own phase every check interval of its criticality, a failing one again after
 * the retry interval; the check that reaches {@code maxCheckAttempts} consecutive failures is a
 * HARD state and is reported as authoritative. Host checks carry the host's {@code load_five}. As
 * Nagios does with parents, a VM whose check fails gets its host checked at once (the controller's
 * write-back keeps the parent up to date when the VM moves), and a service whose VM does not answer
 * is UNKNOWN. It records every write-back.
 *
 * <p>Confined to the simulation's thread, like its world.
 */
public final class NagiosMonitor extends SimMonitor implements MonitoringControl {
  private final MonitorSpec.Nagios spec;
  private final Map<SubjectId, Integer> failures = new HashMap<>();
  private final Map<SubjectId, Cancellable> next = new HashMap<>();
  private final Map<VmId, HostId> parents = new HashMap<>();
  private final List<String> writeBacks = new ArrayList<>();

  public NagiosMonitor(SimWorld world, MonitorSpec.Nagios spec) {
    super(world, spec.name(), spec.latency(), subjects(world, spec.covers()));
    this.spec = spec;
  }

  @Override
  void started() {
    world
        .scenario()
        .topology()
        .vms()
        .values()
        .forEach(vm -> vm.homeHost().ifPresent(h -> parents.put(vm.id(), h)));
    for (SubjectId s : covers()) {
      Duration every = spec.interval().get(criticality(world, s));
      long phase = world.random("phase:" + name() + ":" + s.key()).nextLong(every.toMillis());
      schedule(s, Duration.ofMillis(phase));
    }
  }

  private void schedule(SubjectId s, Duration after) {
    next.put(s, world.time().at(world.now().plus(after), () -> check(s)));
  }

  private void check(SubjectId s) {
    if (!running()) {
      return;
    }
    Cancellable pending = next.remove(s);
    if (pending != null) {
      pending.cancel();
    }
    Observation o = judge(s);
    int failed = o.status().isFailure() ? failures.merge(s, 1, Integer::sum) : 0;
    if (failed == 0) {
      failures.remove(s);
    }
    boolean hard = spec.maxCheckAttempts() > 0 && failed >= spec.maxCheckAttempts();
    deliver(hard ? o.asAuthoritative() : o);
    var c = criticality(world, s);
    boolean soft = failed > 0 && !hard;
    schedule(s, soft ? spec.retryInterval().get(c) : spec.interval().get(c));
    if (failed == 1 && spec.checkParents() && s instanceof VmId vm) {
      checkParent(vm);
    }
  }

  /**
   * A VM's check failed for the first time: check its parent host at once, as Nagios does, so that
   * a dead host is seen with (not after) the VMs it took down.
   */
  private void checkParent(VmId vm) {
    HostId parent = parents.get(vm);
    if (parent != null && covers().contains(parent) && !failures.containsKey(parent)) {
      check(parent);
    }
  }

  private Observation judge(SubjectId s) {
    var now = world.now();
    if (s instanceof HostId h) {
      if (!world.hostAnswers(h)) {
        return Observation.of(
            s, ObservedStatus.UNREACHABLE, now, name(), "PING CRITICAL - 100% packet loss");
      }
      return Observation.of(s, ObservedStatus.UP, now, name(), "PING OK")
          .withMetrics(Map.of(Observation.LOAD_FIVE, world.loadFive(h)));
    }
    if (s instanceof VmId vm) {
      return world.isAlive(vm)
          ? Observation.of(s, ObservedStatus.UP, now, name(), "PING OK")
          : Observation.of(
              s, ObservedStatus.UNREACHABLE, now, name(), "PING CRITICAL - host unreachable");
    }
    ServiceId svc = (ServiceId) s;
    if (!world.isAlive(svc.vm())) {
      return Observation.of(s, ObservedStatus.UNKNOWN, now, name(), "its VM does not answer");
    }
    return world.isAlive(svc)
        ? Observation.of(s, ObservedStatus.UP, now, name(), "OK")
        : Observation.of(s, ObservedStatus.FAILED, now, name(), "CRITICAL - connection refused");
  }

  @Override
  public ActionResult mute(Set<SubjectId> subjects, String reason) {
    writeBacks.add("mute " + subjects);
    return ActionResult.done("downtime scheduled for " + subjects.size() + " subject(s)");
  }

  @Override
  public ActionResult unmute(Set<SubjectId> subjects, String reason) {
    writeBacks.add("unmute " + subjects);
    return ActionResult.done("downtime removed for " + subjects.size() + " subject(s)");
  }

  @Override
  public ActionResult vmMoved(VmId vm, HostId from, HostId to) {
    parents.put(vm, to);
    writeBacks.add("moved " + vm + " " + from + "->" + to);
    return ActionResult.done("parent of " + vm + " is now " + to);
  }

  /** The write-back calls received, in order ({@code mute [...]}, {@code moved vm a->b}). */
  public List<String> writeBacks() {
    return List.copyOf(writeBacks);
  }
}
