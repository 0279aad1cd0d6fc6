package org.relaxha.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relaxha.core.collect.PMap;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.notify.Severity;
import org.relaxha.spi.policy.RecoveryPolicy;

/**
 * The escalation engine: a pure function {@code step(state, input) -> (state', commands,
 * decisions)}. It never performs I/O, reads no clock (the input carries its instant), starts no
 * thread and uses no randomness, so the same state and input always give the same step. That is
 * what makes it testable in virtual time and replayable from its journal.
 *
 * <p>Immutable and thread-safe: one engine may serve several threads, each with its own states.
 */
public final class Engine {
  private final EngineContext ctx;

  /** An engine deciding for {@code topology} with {@code policy}. */
  public Engine(Topology topology, RecoveryPolicy policy) {
    this.ctx = new EngineContext(topology, policy);
  }

  /** The topology this engine decides for. */
  public Topology topology() {
    return ctx.topology();
  }

  /** Every VM healthy on its configured home host, every host up, nothing in flight. */
  public EngineState initialState(Instant now) {
    Require.nonNull(now, "now");
    EngineState empty =
        new EngineState(
            PMap.empty(),
            PMap.empty(),
            PMap.empty(),
            PMap.empty(),
            PMap.empty(),
            StartQueue.empty(),
            PMap.empty(),
            0,
            PMap.empty(),
            Optional.empty(),
            PMap.empty(),
            false,
            1,
            now);
    return adopt(empty);
  }

  /**
   * Fits a recovered state to the current topology: adds records for subjects configured since,
   * drops records of subjects no longer configured, and rebuilds the derived indexes.
   */
  public EngineState adopt(EngineState state) {
    Topology t = ctx.topology();
    PMap<HostId, HostRecord> hosts = PMap.emptyOver(ctx.hostKeys());
    for (Host h : t.hosts().values()) {
      HostRecord r = state.hosts().get(h.id());
      hosts =
          hosts.plus(
              h.id(), r != null ? r : HostRecord.initial(h.id(), h.maintenance(), state.now()));
    }
    PMap<VmId, VmRecord> vms = PMap.emptyOver(ctx.vmKeys());
    for (Vm v : t.vms().values()) {
      VmRecord r = state.vms().get(v.id());
      vms = vms.plus(v.id(), r != null ? r : VmRecord.initial(v.id(), v.homeHost(), state.now()));
    }
    PMap<ServiceId, ServiceRecord> services = PMap.emptyOver(ctx.serviceKeys());
    for (Service s : t.services().values()) {
      ServiceRecord r = state.services().get(s.id());
      services = services.plus(s.id(), r != null ? r : ServiceRecord.initial(s.id(), state.now()));
    }
    return Indexes.rebuild(
        state, vms, hosts, services, ctx, ctx.policy().hostRecovery(state.now()).bootSlot());
  }

  /**
   * Decides what {@code input} means in {@code state}.
   *
   * @throws IllegalTransitionException only on a bug in the engine
   */
  public Step step(EngineState state, Input input) {
    Require.nonNull(state, "state");
    Require.nonNull(input, "input");
    Transaction tx = new Transaction(ctx, state, input.at());
    route(tx, input);
    if (tx.startsMayDispatch) {
      StartRules.dispatch(tx);
    }
    return tx.finish();
  }

  /** Applies {@code inputs} in order and collects every command: for tests and replays. */
  public List<Step> run(EngineState state, List<? extends Input> inputs) {
    List<Step> steps = new ArrayList<>(inputs.size());
    EngineState current = state;
    for (Input input : inputs) {
      Step s = step(current, input);
      steps.add(s);
      current = s.state();
    }
    return steps;
  }

  private void route(Transaction tx, Input input) {
    if (input instanceof Input.HealthChanged h) {
      onHealth(tx, h);
    } else if (input instanceof Input.TimerFired t) {
      onTimer(tx, t);
    } else if (input instanceof Input.ActionCompleted a) {
      onActionCompleted(tx, a);
    } else if (input instanceof Input.FenceCompleted f) {
      Command c = tx.complete(f.command());
      if (c instanceof Command.FenceHost fence) {
        HostRules.onFenceResult(tx, fence, f.result());
      } else {
        tx.decide(null, "ignore", "fence outcome for unknown command " + f.command());
      }
    } else if (input instanceof Input.PlacementDecided p) {
      Command c = tx.complete(p.command());
      if (c instanceof Command.PlaceVms place) {
        StartRules.onPlan(tx, place, p.plan());
      } else {
        tx.decide(null, "ignore", "placement for unknown command " + p.command());
      }
    } else {
      routeOther(tx, input);
    }
  }

  private void routeOther(Transaction tx, Input input) {
    if (input instanceof Input.VmLocated l) {
      if (known(tx, l.vm())) {
        VmRules.onLocated(tx, l.vm(), l.host().filter(h -> tx.host(h) != null));
      }
    } else if (input instanceof Input.MonitoringChanged m) {
      onMonitoring(tx, m);
    } else if (input instanceof Input.ConfirmFenced c) {
      if (known(tx, c.host())) {
        HostRules.onConfirmFenced(tx, c.host(), c.operator());
      }
    } else if (input instanceof Input.ReleaseHold r) {
      HostRules.onReleaseHold(tx, r.operator());
    } else if (input instanceof Input.SetMaintenance m) {
      if (known(tx, m.host())) {
        HostRules.onMaintenance(tx, m.host(), m.maintenance(), m.operator());
      }
    } else if (input instanceof Input.ResetVm r) {
      if (known(tx, r.vm())) {
        onReset(tx, r);
      }
    }
  }

  private void onHealth(Transaction tx, Input.HealthChanged h) {
    SubjectId subject = h.subject();
    if (!known(tx, subject)) {
      return;
    }
    if (subject instanceof HostId host) {
      HostRules.onHealth(tx, host, h.health(), h.reason());
    } else if (subject instanceof VmId vm) {
      VmRules.onHealth(tx, vm, h.health(), h.guestReachable(), h.reason());
    } else {
      ServiceRules.onHealth(tx, (ServiceId) subject, h.health(), h.reason());
    }
  }

  private void onTimer(Transaction tx, Input.TimerFired t) {
    if (t.subject().isEmpty()) {
      StartRules.onQueueTimer(tx);
      return;
    }
    SubjectId subject = t.subject().get();
    if (!known(tx, subject)) {
      return;
    }
    if (subject instanceof HostId host) {
      HostRules.onTimer(tx, tx.host(host));
    } else if (subject instanceof VmId vm) {
      VmRules.onTimer(tx, tx.vm(vm));
    } else {
      ServiceRules.onTimer(tx, tx.service((ServiceId) subject));
    }
  }

  private void onActionCompleted(Transaction tx, Input.ActionCompleted a) {
    Command c = tx.complete(a.command());
    if (c == null) {
      tx.decide(null, "ignore", "outcome for unknown command " + a.command());
    } else if (c instanceof Command.RestartService r) {
      ServiceRules.onOutcome(tx, r, a.result());
    } else if (c instanceof Command.UpdateMonitoring || c instanceof Command.Notify) {
      if (!a.result().succeeded()) {
        tx.decide(null, "delivery failed", c.reason() + ": " + a.result().detail());
      }
    } else {
      VmRules.onOutcome(tx, c, a.result());
    }
  }

  private void onMonitoring(Transaction tx, Input.MonitoringChanged m) {
    String what = "Monitoring source " + m.monitor() + " (" + m.source() + ")";
    if (m.available()) {
      tx.notify(Severity.INFO, null, what + " answers again", m.reason());
    } else {
      tx.notify(
          Severity.WARNING,
          null,
          what + " lost",
          m.reason()
              + ". Subjects only it watches are UNKNOWN, not DOWN: nothing is fenced or moved"
              + " because of its silence.");
    }
    tx.decide(null, m.available() ? "monitoring restored" : "monitoring lost", what);
  }

  private void onReset(Transaction tx, Input.ResetVm r) {
    VmRecord v = tx.vm(r.vm());
    if (v.phase() != VmPhase.GAVE_UP) {
      tx.decide(r.vm(), "ignore", "reset by " + r.operator() + " while " + v.phase());
      return;
    }
    VmRecord healthy = VmRules.reset(v, tx.now, "ladder reset by operator " + r.operator());
    tx.put(healthy);
    tx.decide(r.vm(), "reset", healthy.reason());
    if (healthy.health() == org.relaxha.spi.model.Health.DOWN) {
      VmRules.onDown(tx, healthy, Cause.OPERATOR, Optional.empty(), "still down after reset");
    }
  }

  private static boolean known(Transaction tx, SubjectId subject) {
    boolean known =
        subject instanceof HostId h
            ? tx.host(h) != null
            : subject instanceof VmId v
                ? tx.vm(v) != null
                : tx.service((ServiceId) subject) != null;
    if (!known) {
      tx.decide(subject, "ignore", "not in the configured topology");
    }
    return known;
  }
}
