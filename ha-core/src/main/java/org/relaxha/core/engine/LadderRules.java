package org.relaxha.core.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.notify.Severity;
import org.relaxha.spi.policy.Rung;
import org.relaxha.spi.policy.VmLadder;

/**
 * The rungs of the VM ladder: REBOOT, wait T1, RESTART (power-cycle on its host, or stop, prove off
 * and start elsewhere when the host is unusable), wait T2, REINSTALL where allowed, then GIVE_UP
 * and notify; the skip rules and the retry budgets.
 */
final class LadderRules {
  private LadderRules() {}

  /**
   * Tries the rungs of the VM's ladder from ordinal {@code from} on: skips those that cannot apply,
   * stops at the first one it can perform, gives up when none is left.
   */
  static void escalate(Transaction tx, VmRecord r, int from, String why) {
    VmLadder ladder = tx.ladder(r.id());
    for (Rung rung : ladder.rungs()) {
      if (rung.ordinal() < from) {
        continue;
      }
      Optional<String> skip = skipReason(tx, r, rung);
      if (skip.isPresent()) {
        tx.decide(r.id(), "skip " + rung, skip.get());
        continue;
      }
      Optional<String> exhausted = Budgets.restartsExhausted(r, ladder, tx.now);
      if (exhausted.isPresent()) {
        giveUp(tx, r, exhausted.get() + "; " + why);
        return;
      }
      perform(tx, r, rung, ladder, why);
      return;
    }
    giveUp(
        tx,
        r,
        "no rung left (tried up to "
            + r.lastRung().map(Rung::name).orElse("none")
            + " of "
            + ladder.rungs()
            + "); "
            + why);
  }

  private static Optional<String> skipReason(Transaction tx, VmRecord r, Rung rung) {
    switch (rung) {
      case REBOOT:
        if (!r.guestReachable() && !tx.ladder(r.id()).rebootUnreachableGuests()) {
          return Optional.of("the guest does not answer, so it cannot reboot itself");
        }
        if (r.location().isEmpty() || !VmRules.hostAnswers(tx, r.location().get())) {
          return Optional.of("its host does not answer");
        }
        return Optional.empty();
      case REINSTALL:
        if (!tx.spec(r.id()).reinstallAllowed()) {
          return Optional.of("the VM does not allow reinstallation");
        }
        if (reinstallHost(tx, r).isEmpty()) {
          return Optional.of("no usable host holds it to reinstall on");
        }
        return Optional.empty();
      default:
        return Optional.empty();
    }
  }

  /**
   * Where to reinstall: the usable host that holds the VM; or, for a VM proven off everywhere (its
   * starts were all refused), the usable host it last ran on.
   */
  private static Optional<HostId> reinstallHost(Transaction tx, VmRecord r) {
    if (r.location().isPresent()) {
      return r.location().filter(h -> tx.host(h).usable());
    }
    if (r.locationKnown() && r.origin().isPresent() && tx.host(r.origin().get()).usable()) {
      return r.origin();
    }
    return Optional.empty();
  }

  private static void perform(Transaction tx, VmRecord r, Rung rung, VmLadder ladder, String why) {
    VmRecord.Builder b = r.toBuilder();
    b.lastRung = Optional.of(rung);
    b.restarts = Budgets.record(r.restarts(), ladder.budget().window(), tx.now);
    b.since = tx.now;
    b.target = Optional.empty();
    if (rung == Rung.RESTART) {
      restart(tx, b, ladder, why);
      return;
    }
    HostId host =
        rung == Rung.REBOOT ? r.location().orElseThrow() : reinstallHost(tx, r).orElseThrow();
    if (rung == Rung.REINSTALL) {
      b.location = Optional.of(host);
      b.locationKnown = true;
    }
    Duration wait = ladder.timeoutAfter(rung);
    Command c =
        rung == Rung.REBOOT
            ? tx.issue(id -> new Command.RebootVm(id, r.id(), host, why))
            : tx.issue(id -> new Command.ReinstallVm(id, r.id(), host, why));
    b.phase = rung == Rung.REBOOT ? VmPhase.REBOOTING : VmPhase.REINSTALLING;
    b.pending = c.id();
    b.deadline = Optional.of(tx.now.plus(wait));
    b.reason = rung + " on " + host + "; waiting up to " + wait + " (" + why + ")";
    tx.put(b.build());
    tx.wake(r.id(), b.deadline.get(), "end of " + rung + " wait");
    tx.decide(r.id(), rung.name().toLowerCase(java.util.Locale.ROOT), b.reason);
  }

  private static void restart(Transaction tx, VmRecord.Builder b, VmLadder ladder, String why) {
    Optional<HostId> host = b.location;
    if (host.isPresent() && tx.host(host.get()).usable()) {
      HostId h = host.get();
      Command c = tx.issue(id -> new Command.PowerCycleVm(id, b.id, h, why));
      b.phase = VmPhase.RESTARTING;
      b.pending = c.id();
      b.deadline = Optional.of(tx.now.plus(ladder.restartTimeout()));
      b.reason = "power-cycle on " + h + "; waiting up to " + ladder.restartTimeout();
      tx.put(b.build());
      tx.wake(b.id, b.deadline.get(), "end of RESTART wait");
      tx.decide(b.id, "restart", b.reason + " (" + why + ")");
      return;
    }
    relocate(
        tx,
        b.build(),
        why + "; its host " + host.map(HostId::name).orElse("(none)") + " is unusable");
  }

  /** Moves the VM to another host: stop it where it may run, then place and start it. */
  static void relocate(Transaction tx, VmRecord r, String why) {
    Optional<String> exhausted = Budgets.relocationsExhausted(r, tx.ladder(r.id()), tx.now);
    if (exhausted.isPresent()) {
      // No more moves: the RESTART rung is over, but the ladder is not (REINSTALL may remain).
      tx.decide(r.id(), "skip RESTART", "no more moves: " + exhausted.get() + "; " + why);
      VmRecord.Builder b = r.toBuilder();
      if (b.lastRung.isEmpty() || b.lastRung.get().compareTo(Rung.RESTART) < 0) {
        b.lastRung = Optional.of(Rung.RESTART);
      }
      escalate(
          tx, VmRules.withoutDeadline(b.build()), after(b.lastRung), exhausted.get() + "; " + why);
      return;
    }
    if (!r.locationKnown()) {
      giveUp(tx, r, "its location is unknown, so it cannot be proven off anywhere; " + why);
      return;
    }
    VmRecord.Builder b = r.toBuilder();
    if (r.location().isPresent()) {
      HostId h = r.location().get();
      b.origin = Optional.of(h);
      b.avoid = VmRules.plus(r.avoid(), h);
      stop(tx, b, h, "relocate: " + why);
      return;
    }
    StartRules.place(tx, List.of(b), "relocate: " + why);
  }

  /** Powers the VM off on {@code host} to prove it no longer runs there. */
  static void stop(Transaction tx, VmRecord.Builder b, HostId host, String why) {
    Command c = tx.issue(id -> new Command.StopVm(id, b.id, host, why));
    b.phase = VmPhase.STOPPING;
    b.pending = c.id();
    b.deadline = Optional.empty();
    b.target = Optional.empty();
    b.since = tx.now;
    b.reason = "stopping on " + host + " before starting elsewhere";
    tx.put(b.build());
    tx.decide(b.id, "stop", b.reason + " (" + why + ")");
  }

  static void giveUp(Transaction tx, VmRecord r, String why) {
    VmRecord.Builder b = r.toBuilder();
    b.phase = VmPhase.GAVE_UP;
    b.deadline = Optional.empty();
    b.pending = 0;
    b.target = Optional.empty();
    b.waitingSince = Optional.empty();
    b.since = tx.now;
    b.reason = why;
    tx.put(b.build());
    tx.decide(r.id(), "give up", why);
    tx.notify(
        Severity.CRITICAL,
        r.id(),
        "RelaxHA gave up on VM " + r.id(),
        why + ". Tried up to " + r.lastRung().map(Rung::name).orElse("no rung") + ".");
    if (r.cause() == Cause.HOST_DOWN) {
      r.origin().ifPresent(h -> HostRules.checkEvacuationDone(tx, h));
    }
  }

  /** The ordinal of the rung after {@code last}; 0 (the first rung) when none was tried. */
  static int after(Optional<Rung> last) {
    return last.map(r -> r.ordinal() + 1).orElse(0);
  }
}
