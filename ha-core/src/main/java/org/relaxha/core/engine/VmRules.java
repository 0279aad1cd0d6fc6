package org.relaxha.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.notify.Severity;
import org.relaxha.spi.policy.Rung;

/**
 * What happens to a VM's record on each kind of input: verdicts (a failure starts or continues its
 * ladder, see {@link LadderRules}; a recovery starts the stability window), timers, command
 * outcomes, inventory facts, and its host's failure or return.
 */
final class VmRules {
  private VmRules() {}

  static void onHealth(Transaction tx, VmId id, Health health, boolean reachable, String why) {
    VmRecord.Builder b = tx.vm(id).toBuilder();
    b.health = health;
    if (health == Health.DOWN) {
      b.guestReachable = reachable;
    }
    VmRecord r = b.build();
    if (health == Health.DOWN) {
      onDown(tx, r, Cause.VM_DOWN, Optional.empty(), why);
    } else if (health == Health.UP) {
      onUp(tx, r, why);
    } else {
      tx.put(r);
    }
  }

  /** A failure of the VM itself or, escalated, of one of its services. */
  static void onDown(
      Transaction tx, VmRecord r, Cause cause, Optional<ServiceId> trigger, String why) {
    if (r.phase() == VmPhase.HEALTHY) {
      Optional<String> hold = hostHold(tx, r);
      if (hold.isPresent()) {
        tx.put(r);
        tx.decide(r.id(), "hold", hold.get() + "; " + why);
        return;
      }
      VmRecord.Builder b = r.toBuilder();
      b.cause = cause;
      b.trigger = trigger;
      b.episodeStart = Optional.of(tx.now);
      b.lastRung = Optional.empty();
      b.avoid = Set.of();
      b.origin = Optional.empty();
      LadderRules.escalate(tx, b.build(), 0, why);
    } else if (r.phase() == VmPhase.STABILIZING) {
      VmRecord.Builder b = r.toBuilder();
      b.cause = cause;
      b.trigger = trigger;
      LadderRules.escalate(
          tx,
          b.build(),
          LadderRules.after(r.lastRung()),
          "relapse within the stability window: " + why);
    } else {
      tx.put(r);
      tx.decide(r.id(), "ignore", "already " + r.phase() + "; " + why);
    }
  }

  static void onUp(Transaction tx, VmRecord r, String why) {
    if (r.phase() == VmPhase.STARTING && tx.isInflight(r.pending())) {
      // Until its start answers, the engine does not know where it runs: an "up" now may be
      // about its previous life. Its location is set by the start's outcome, and a fresh
      // verdict about the new incarnation follows.
      tx.put(r);
      tx.decide(r.id(), "wait", "up before its start answered; waiting for the start's outcome");
      return;
    }
    if (r.phase().awaitsRecovery() && r.cause() != Cause.SERVICE_DOWN) {
      recovered(tx, r, why);
    } else if (r.phase() == VmPhase.GAVE_UP) {
      VmRecord healthy = reset(r, tx.now, "came back after RelaxHA gave up: " + why);
      tx.put(healthy);
      tx.decide(r.id(), "recovered", healthy.reason());
      tx.notify(Severity.INFO, r.id(), "VM " + r.id() + " is up again", healthy.reason());
    } else {
      tx.put(r);
    }
  }

  /** The VM (or the service that started its episode) is back: watch it for the window. */
  static void recovered(Transaction tx, VmRecord r, String why) {
    Duration window = tx.ladder(r.id()).stabilityWindow();
    Instant until = tx.now.plus(window);
    String how = r.lastRung().map(Rung::name).orElse("recovery");
    String took = r.episodeStart().map(s -> seconds(s, tx.now) + " after it failed").orElse("");
    VmRecord.Builder b = r.toBuilder();
    b.phase = VmPhase.STABILIZING;
    b.deadline = Optional.of(until);
    b.pending = 0;
    b.since = tx.now;
    b.reason = "up again on " + r.location().map(HostId::name).orElse("?") + " after " + how;
    b.target = Optional.empty();
    tx.put(b.build());
    tx.wake(r.id(), until, "end of stability window");
    tx.decide(r.id(), "recovered", b.reason + " " + took + "; " + why);
    if (r.cause() == Cause.HOST_DOWN || r.origin().isPresent()) {
      announceMove(tx, r);
    }
    tx.notify(Severity.INFO, r.id(), "VM " + r.id() + " recovered", b.reason + " " + took);
    if (r.cause() == Cause.HOST_DOWN) {
      r.origin().ifPresent(h -> HostRules.checkEvacuationDone(tx, h));
    }
  }

  private static void announceMove(Transaction tx, VmRecord r) {
    if (r.origin().isEmpty() || r.location().isEmpty()) {
      return;
    }
    HostId from = r.origin().get();
    HostId to = r.location().get();
    if (!from.equals(to)) {
      tx.monitoring(new MonitoringUpdate.Moved(r.id(), from, to), "VM moved after recovery");
    }
    if (r.cause() == Cause.HOST_DOWN) {
      tx.monitoring(
          new MonitoringUpdate.Unmute(Set.copyOf(tx.ctx.alarmsOf(r.id()))), "VM recovered");
    }
  }

  static void onTimer(Transaction tx, VmRecord r) {
    if (r.deadline().isEmpty() || tx.now.isBefore(r.deadline().get())) {
      return;
    }
    if (tx.isInflight(r.pending())) {
      tx.decide(r.id(), "wait", "deadline passed while command " + r.pending() + " still runs");
      return;
    }
    if (r.phase() == VmPhase.STABILIZING) {
      VmRecord healthy = reset(r, tx.now, "stable for the whole window; ladder reset");
      tx.put(healthy);
      tx.decide(r.id(), "stable", healthy.reason());
      return;
    }
    if (r.phase() == VmPhase.AWAITING_FENCE && r.origin().isPresent()) {
      HostId host = r.origin().get();
      String why = "host " + host + " neither answered nor was declared down within the wait";
      if (hostAnswers(tx, host) && tx.host(host).usable()) {
        LadderRules.relocate(tx, withoutDeadline(r), "its host " + host + " answers again");
      } else {
        LadderRules.giveUp(tx, withoutDeadline(r), "cannot prove it off on " + host + ": " + why);
      }
      return;
    }
    if (r.phase().awaitsRecovery()) {
      String rung = r.lastRung().map(Rung::name).orElse("?");
      LadderRules.escalate(
          tx,
          withoutDeadline(r),
          LadderRules.after(r.lastRung()),
          "not back within the wait after " + rung);
    }
  }

  static VmRecord withoutDeadline(VmRecord r) {
    VmRecord.Builder b = r.toBuilder();
    b.deadline = Optional.empty();
    b.pending = 0;
    return b.build();
  }

  /** Outcome of a VM command; stale outcomes (for a command no longer awaited) are ignored. */
  static void onOutcome(Transaction tx, Command c, ActionResult result) {
    VmId vm = vmOf(c);
    VmRecord r = tx.vm(vm);
    if (r == null || r.pending() != c.id()) {
      tx.decide(
          vm,
          "ignore",
          "outcome of command " + c.id() + " arrived after the VM moved on: " + result.detail());
      return;
    }
    VmRecord.Builder b = r.toBuilder();
    b.pending = 0;
    VmRecord settled = b.build();
    if (c instanceof Command.StartVm s) {
      StartRules.onStarted(tx, settled, s, result);
    } else if (c instanceof Command.StopVm s) {
      onStopped(tx, settled, s, result);
    } else if (result.succeeded()) {
      tx.put(settled);
      tx.decide(vm, "wait", commandName(c) + " done: " + result.detail());
      if (settled.deadline().isPresent() && !tx.now.isBefore(settled.deadline().get())) {
        onTimer(tx, settled);
      }
    } else if (c instanceof Command.PowerCycleVm) {
      LadderRules.relocate(tx, settled, "power-cycle failed: " + result.detail());
    } else {
      String what = commandName(c) + " failed: " + result.detail();
      LadderRules.escalate(
          tx, withoutDeadline(settled), LadderRules.after(settled.lastRung()), what);
    }
  }

  private static void onStopped(Transaction tx, VmRecord r, Command.StopVm c, ActionResult result) {
    if (result instanceof ActionResult.Unreachable) {
      awaitHost(tx, r, c.host(), "cannot prove it off on " + c.host() + ": " + result.detail());
      return;
    }
    if (!result.succeeded()) {
      LadderRules.giveUp(tx, r, "cannot prove it off on " + c.host() + ": " + result.detail());
      return;
    }
    VmRecord.Builder b = r.toBuilder();
    b.location = Optional.empty();
    b.locationKnown = true;
    tx.decide(r.id(), "stopped", "proven off on " + c.host() + ": " + result.detail());
    StartRules.place(tx, List.of(b), "stopped on " + c.host());
  }

  /**
   * Its host does not answer the stop that would prove it off there: the VM may still run on it.
   * Rather than give up, it waits for the host's fate, as the VM of a failed host does: if the host
   * is declared down it is fenced and the VM placed elsewhere; if it answers again the move is
   * retried; if neither happens within the restart wait, the VM is given up.
   */
  static void awaitHost(Transaction tx, VmRecord r, HostId host, String why) {
    Instant until = tx.now.plus(tx.ladder(r.id()).restartTimeout());
    VmRecord.Builder b = r.toBuilder();
    b.phase = VmPhase.AWAITING_FENCE;
    b.origin = Optional.of(host);
    b.pending = 0;
    b.target = Optional.empty();
    b.deadline = Optional.of(until);
    b.since = tx.now;
    b.reason = "its host " + host + " does not answer; waiting for it to be fenced or to answer";
    tx.put(b.build());
    tx.wake(r.id(), until, "end of the wait for host " + host);
    tx.decide(r.id(), "await host", b.reason + " (" + why + ")");
  }

  /** An inventory fact about where the VM runs; only applied while the engine is not moving it. */
  static void onLocated(Transaction tx, VmId vm, Optional<HostId> host) {
    VmRecord r = tx.vm(vm);
    boolean settled =
        r.phase() == VmPhase.HEALTHY
            || r.phase() == VmPhase.STABILIZING
            || r.phase() == VmPhase.GAVE_UP;
    if (!settled) {
      tx.decide(vm, "ignore", "inventory report while " + r.phase());
      return;
    }
    if (r.locationKnown() && r.location().equals(host)) {
      return;
    }
    VmRecord.Builder b = r.toBuilder();
    b.location = host;
    b.locationKnown = true;
    tx.put(b.build());
    tx.decide(vm, "located", host.map(h -> "runs on " + h).orElse("runs on no host"));
    if (r.location().isPresent() && host.isPresent() && !r.location().equals(host)) {
      tx.monitoring(
          new MonitoringUpdate.Moved(vm, r.location().get(), host.get()), "inventory: VM moved");
    }
  }

  /** Its host failed: hold the VM until the host is proven off. */
  static void awaitFence(Transaction tx, VmRecord r, HostId host, String why) {
    String reason = awaitFenceReason(host);
    awaitFence(tx, r, host, reason, reason + " (" + why + ")");
  }

  /** Why a VM of failed host {@code host} awaits its fencing. */
  static String awaitFenceReason(HostId host) {
    return "host " + host + " down; waiting for it to be fenced";
  }

  /**
   * Puts {@code r} in AWAITING_FENCE with {@code reason}, and records {@code decision}: the same
   * texts for every VM of a failed host, so a caller moving many builds them once.
   */
  static void awaitFence(Transaction tx, VmRecord r, HostId host, String reason, String decision) {
    tx.put(r.awaitingFence(host, tx.now, reason));
    tx.decide(r.id(), "await fence", decision);
  }

  /**
   * Its host came back before it was fenced, so the VM never left it. A VM that was healthy before
   * is healthy again (its held alarms are checked by the host rules); one that was in the middle of
   * its ladder continues where it was, or is recovered if it is up.
   */
  static void resume(Transaction tx, VmRecord v, String why) {
    if (v.lastRung().isEmpty()) {
      tx.put(reset(v, tx.now, why));
      return;
    }
    VmRecord.Builder b = v.toBuilder();
    b.cause = Cause.VM_DOWN;
    b.origin = Optional.empty();
    VmRecord back = b.build();
    if (v.health() == Health.UP) {
      recovered(tx, back, why);
    } else {
      LadderRules.escalate(
          tx, back, LadderRules.after(v.lastRung()), why + "; continuing its ladder");
    }
  }

  /** A healthy record with a fresh ladder. */
  static VmRecord reset(VmRecord r, Instant now, String why) {
    VmRecord.Builder b = r.toBuilder();
    b.phase = VmPhase.HEALTHY;
    b.lastRung = Optional.empty();
    b.cause = Cause.NONE;
    b.trigger = Optional.empty();
    b.deadline = Optional.empty();
    b.pending = 0;
    b.target = Optional.empty();
    b.avoid = Set.of();
    b.origin = Optional.empty();
    b.waitingSince = Optional.empty();
    b.episodeStart = Optional.empty();
    b.since = now;
    b.reason = why;
    return b.build();
  }

  private static Optional<String> hostHold(Transaction tx, VmRecord r) {
    if (r.location().isEmpty()) {
      return Optional.empty();
    }
    HostRecord h = tx.host(r.location().get());
    if (h.phase() != HostPhase.UP) {
      return Optional.of("its host " + h.id() + " is " + h.phase());
    }
    if (h.health() == Health.SUSPECT || h.health() == Health.DOWN) {
      return Optional.of("its host " + h.id() + " is " + h.health() + " (alarm muted)");
    }
    return Optional.empty();
  }

  static boolean hostAnswers(Transaction tx, HostId host) {
    HostRecord h = tx.host(host);
    return h.phase() == HostPhase.UP && h.health() != Health.DOWN;
  }

  /** Whether {@code c} acts on one VM (reboot, power-cycle, stop, start, reinstall). */
  static boolean aboutOneVm(Command c) {
    return c instanceof Command.RebootVm
        || c instanceof Command.PowerCycleVm
        || c instanceof Command.StopVm
        || c instanceof Command.StartVm
        || c instanceof Command.ReinstallVm;
  }

  static VmId vmOf(Command c) {
    if (c instanceof Command.RebootVm x) {
      return x.vm();
    }
    if (c instanceof Command.PowerCycleVm x) {
      return x.vm();
    }
    if (c instanceof Command.StopVm x) {
      return x.vm();
    }
    if (c instanceof Command.StartVm x) {
      return x.vm();
    }
    if (c instanceof Command.ReinstallVm x) {
      return x.vm();
    }
    throw new IllegalArgumentException("not a VM command: " + c);
  }

  private static String commandName(Command c) {
    return c.getClass().getSimpleName();
  }

  static Set<HostId> plus(Set<HostId> set, HostId host) {
    Set<HostId> result = new TreeSet<>(set);
    result.add(host);
    return result;
  }

  static String seconds(Instant from, Instant to) {
    return Duration.between(from, to).toSeconds() + " s";
  }
}
