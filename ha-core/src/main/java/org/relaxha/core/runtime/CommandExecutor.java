package org.relaxha.core.runtime;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.relaxha.core.engine.Command;
import org.relaxha.core.engine.Input;
import org.relaxha.core.engine.MonitoringUpdate;
import org.relaxha.spi.fencing.FenceResult;
import org.relaxha.spi.fencing.Fencer;
import org.relaxha.spi.hypervisor.Hypervisor;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.monitor.MonitoringControl;
import org.relaxha.spi.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the engine's commands through the SPIs, off the loop, each call bounded by its
 * timeout and retried with backoff when the failure may pass; reports every outcome as an engine
 * {@link Input}. Adapter exceptions become failures that name the adapter and keep the cause in the
 * log. Placement and wake-ups are not handled here (the loop does them).
 *
 * <p>Thread-safe.
 */
final class CommandExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(CommandExecutor.class);

  private final Wiring wiring;
  private final Topology topology;
  private final CallRunner calls;
  private final Scheduler scheduler;
  private final InstantSource clock;
  private final Timeouts timeouts;
  private final List<Fencer> fencers;
  private final StartGuard startGuard;
  private final Predicate<Command> awaited;
  private final Consumer<Runnable> onLoop;

  CommandExecutor(
      Wiring wiring,
      Topology topology,
      CallRunner calls,
      Scheduler scheduler,
      InstantSource clock,
      Timeouts timeouts,
      boolean hypervisorFencing,
      StartGuard startGuard,
      Predicate<Command> awaited,
      Consumer<Runnable> onLoop) {
    this.wiring = wiring;
    this.topology = topology;
    this.calls = calls;
    this.scheduler = scheduler;
    this.clock = clock;
    this.timeouts = timeouts;
    this.startGuard = startGuard;
    this.awaited = awaited;
    this.onLoop = onLoop;
    List<Fencer> chain = new ArrayList<>(wiring.fencers());
    if (hypervisorFencing) {
      chain.add(new HypervisorFencer(wiring));
    }
    this.fencers = List.copyOf(chain);
  }

  /**
   * Executes a command that was in flight when the previous controller stopped. Starts, stops,
   * fences, notifications and monitoring updates are idempotent and simply run again; a reboot is
   * not repeated (it was asked for; the ladder's wait decides), and a power-cycle or reinstall is
   * not repeated when the VM already runs on its host, so a VM is not restarted twice because the
   * controller died between the call and its outcome.
   */
  void reissue(Command c, Consumer<Input> report) {
    if (c instanceof Command.RebootVm) {
      report.accept(
          new Input.ActionCompleted(
              c.id(),
              ActionResult.done(
                  "reboot was asked for before the controller restarted; not repeated"),
              clock.instant()));
    } else if (c instanceof Command.PowerCycleVm p) {
      attempt(
          c,
          () -> startGuard.unlessRunning(p.vm(), p.host(), () -> act(c)),
          timeouts.call(),
          0,
          ActionResult.class,
          r -> report.accept(new Input.ActionCompleted(c.id(), r, clock.instant())));
    } else if (c instanceof Command.ReinstallVm r) {
      attempt(
          c,
          () -> startGuard.unlessRunning(r.vm(), r.host(), () -> act(c)),
          timeouts.call(),
          0,
          ActionResult.class,
          x -> report.accept(new Input.ActionCompleted(c.id(), x, clock.instant())));
    } else {
      execute(c, report);
    }
  }

  /**
   * Executes {@code c} and eventually hands its outcome to {@code report}. Called on the loop. A
   * command the engine no longer awaits (its subject moved on) is neither tried nor retried: its
   * outcome is reported as a failure, which the engine ignores as stale.
   */
  void execute(Command c, Consumer<Input> report) {
    if (c instanceof Command.FenceHost f) {
      attempt(
          c,
          () -> fence(f),
          timeouts.fence(),
          0,
          FenceResult.class,
          r -> report.accept(new Input.FenceCompleted(c.id(), r, clock.instant())));
    } else {
      attempt(
          c,
          () -> act(c),
          timeouts.call(),
          0,
          ActionResult.class,
          r -> report.accept(new Input.ActionCompleted(c.id(), r, clock.instant())));
    }
  }

  private <R> void attempt(
      Command c, Callable<R> call, Duration timeout, int tried, Class<R> type, Consumer<R> done) {
    String what = describe(c);
    if (!awaited.test(c)) {
      LOG.info("{}: not {}: the engine no longer awaits it", what, tried == 0 ? "run" : "retried");
      done.accept(failure(type, "not carried out: the engine no longer awaits it"));
      return;
    }
    calls.run(
        what,
        call,
        timeout,
        outcome -> {
          R result = translate(what, outcome, type);
          if (retryable(result) && tried < timeouts.retries()) {
            Duration wait = timeouts.backoff().multipliedBy(1L << tried);
            LOG.info(
                "{}: {}; retry {} of {} in {}",
                what,
                detail(result),
                tried + 1,
                timeouts.retries(),
                wait);
            scheduler.at(
                clock.instant().plus(wait),
                () -> onLoop.accept(() -> attempt(c, call, timeout, tried + 1, type, done)));
          } else {
            done.accept(result);
          }
        });
  }

  @SuppressWarnings("unchecked")
  private static <R> R translate(String what, CallRunner.Outcome<R> outcome, Class<R> type) {
    if (outcome instanceof CallRunner.Outcome.Returned<R> r) {
      if (r.value() == null) {
        return failure(type, what + " returned nothing");
      }
      return r.value();
    }
    if (outcome instanceof CallRunner.Outcome.TimedOut<R> t) {
      return type == FenceResult.class
          ? (R) new FenceResult.Failed("timed out after " + t.after().toSeconds() + " s")
          : (R) ActionResult.unreachable("timed out after " + t.after().toSeconds() + " s");
    }
    Throwable e = ((CallRunner.Outcome.Threw<R>) outcome).error();
    LOG.warn("{} threw; treated as a failure", what, e);
    return failure(type, what + " threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  @SuppressWarnings("unchecked")
  private static <R> R failure(Class<R> type, String detail) {
    return type == FenceResult.class
        ? (R) new FenceResult.Failed(detail)
        : (R) new ActionResult.Failed(detail, true);
  }

  private static boolean retryable(Object result) {
    if (result instanceof ActionResult.Failed f) {
      return f.retryable();
    }
    return result instanceof ActionResult.Unreachable;
  }

  private static String detail(Object result) {
    return result instanceof ActionResult a ? a.detail() : ((FenceResult) result).detail();
  }

  private FenceResult fence(Command.FenceHost f) {
    Host host = topology.hosts().get(f.host());
    List<String> tried = new ArrayList<>();
    for (Fencer fencer : fencers) {
      FenceResult r;
      try {
        r = fencer.fence(host);
      } catch (RuntimeException e) {
        LOG.warn("fencer {} threw while fencing {}", fencer.name(), f.host(), e);
        r = new FenceResult.Failed("threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      if (r instanceof FenceResult.Fenced) {
        return r;
      }
      if (r instanceof FenceResult.Failed) {
        tried.add(fencer.name() + ": " + r.detail());
      }
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
    }
    return new FenceResult.Failed(
        tried.isEmpty() ? "no fencer applies to " + f.host() : String.join("; ", tried));
  }

  private ActionResult act(Command c) {
    if (c instanceof Command.StartVm s) {
      return startGuard.start(s.vm(), s.host());
    }
    if (c instanceof Command.StopVm s) {
      return startGuard.stopAndVerify(s.vm(), s.host());
    }
    if (c instanceof Command.PowerCycleVm p) {
      return startGuard.powerCycle(p.vm(), p.host());
    }
    if (c instanceof Command.RebootVm r) {
      var vm = topology.vms().get(r.vm());
      var control = wiring.serviceControlFor(vm);
      if (control.isPresent()) {
        return control.get().rebootGuest(vm);
      }
      return hypervisor(r.host())
          .map(h -> h.rebootVm(r.vm(), r.host()))
          .orElseGet(() -> noHypervisor(r.host()));
    }
    if (c instanceof Command.RestartService r) {
      var vm = topology.vms().get(r.service().vm());
      var control = wiring.serviceControlFor(vm);
      if (control.isEmpty()) {
        return ActionResult.failed("no service control reaches " + vm.id());
      }
      return control.get().restartService(vm, topology.services().get(r.service()));
    }
    if (c instanceof Command.ReinstallVm r) {
      return startGuard.reinstall(r.vm(), r.host());
    }
    if (c instanceof Command.UpdateMonitoring u) {
      return updateMonitoring(u.update());
    }
    if (c instanceof Command.Notify n) {
      return notify(n);
    }
    throw new IllegalArgumentException("not an SPI command: " + c);
  }

  private Optional<Hypervisor> hypervisor(org.relaxha.spi.model.HostId host) {
    return wiring.hypervisorFor(host);
  }

  private static ActionResult noHypervisor(org.relaxha.spi.model.HostId host) {
    return ActionResult.failed("no hypervisor manages host " + host);
  }

  private ActionResult updateMonitoring(MonitoringUpdate update) {
    List<MonitoringControl> controls = wiring.monitoringControls();
    if (controls.isEmpty()) {
      return ActionResult.done("no monitoring write-back configured");
    }
    List<String> failures = new ArrayList<>();
    for (MonitoringControl control : controls) {
      ActionResult r;
      if (update instanceof MonitoringUpdate.Mute m) {
        r = control.mute(m.subjects(), "RelaxHA: host failure being handled");
      } else if (update instanceof MonitoringUpdate.Unmute m) {
        r = control.unmute(m.subjects(), "RelaxHA: recovered");
      } else {
        MonitoringUpdate.Moved m = (MonitoringUpdate.Moved) update;
        r = control.vmMoved(m.vm(), m.from(), m.to());
      }
      if (!r.succeeded()) {
        failures.add(r.detail());
      }
    }
    return failures.isEmpty()
        ? ActionResult.done("monitoring updated")
        : ActionResult.retryable(String.join("; ", failures));
  }

  private ActionResult notify(Command.Notify n) {
    List<String> failures = new ArrayList<>();
    int delivered = 0;
    for (Notifier notifier : wiring.notifiers()) {
      try {
        ActionResult r = notifier.send(n.notification());
        if (r.succeeded()) {
          delivered++;
        } else {
          failures.add(notifier.name() + ": " + r.detail());
        }
      } catch (RuntimeException e) {
        LOG.warn("notifier {} threw", notifier.name(), e);
        failures.add(notifier.name() + " threw " + e.getClass().getSimpleName());
      }
    }
    if (failures.isEmpty()) {
      return ActionResult.done("delivered to " + delivered + " notifier(s)");
    }
    return delivered > 0
        ? ActionResult.done("delivered to " + delivered + "; failed: " + failures)
        : ActionResult.retryable("no notifier delivered: " + failures);
  }

  private static String describe(Command c) {
    return c.getClass().getSimpleName() + "#" + c.id();
  }
}
