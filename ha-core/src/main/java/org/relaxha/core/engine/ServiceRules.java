package org.relaxha.core.engine;

import java.time.Instant;
import java.util.Optional;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.notify.Severity;
import org.relaxha.spi.policy.ServiceLadder;

/**
 * The service ladder: restart the service up to its limit, waiting after each try; then hand over
 * to the VM's ladder (or give up and notify). A service's alarms are held while its VM is not
 * healthy.
 */
final class ServiceRules {
  private ServiceRules() {}

  static void onHealth(Transaction tx, ServiceId id, Health health, String why) {
    ServiceRecord s = tx.service(id).withHealth(health);
    VmRecord vm = tx.vm(id.vm());
    boolean vmOnIt =
        vm.cause() == Cause.SERVICE_DOWN
            && vm.trigger().equals(Optional.of(id))
            && vm.phase().awaitsRecovery();
    if (health == Health.UP) {
      tx.put(s);
      if (vmOnIt) {
        VmRules.recovered(tx, vm, "service " + id + " is back");
      }
      onUp(tx, tx.service(id), why);
      return;
    }
    tx.put(s);
    if (health != Health.DOWN) {
      return;
    }
    if (vmOnIt) {
      tx.decide(id, "ignore", "its VM's ladder is already working on it; " + why);
      return;
    }
    boolean vmHealthy =
        (vm.phase() == VmPhase.HEALTHY || vm.phase() == VmPhase.STABILIZING)
            && (vm.health() == Health.UP || vm.health() == Health.UNKNOWN);
    if (!vmHealthy) {
      tx.decide(id, "hold", "its VM is " + vm.phase() + "/" + vm.health() + "; " + why);
      return;
    }
    switch (s.phase()) {
      case HEALTHY:
      case STABILIZING:
      case ESCALATED:
        attempt(tx, s, why);
        break;
      default:
        tx.decide(id, "ignore", "already " + s.phase() + "; " + why);
    }
  }

  private static void onUp(Transaction tx, ServiceRecord s, String why) {
    switch (s.phase()) {
      case RESTARTING:
      case ESCALATED:
        Instant until = tx.now.plus(tx.ladder(s.id().vm()).stabilityWindow());
        ServiceRecord stable =
            s.with(ServicePhase.STABILIZING, Optional.of(until), "back: " + why, tx.now)
                .withPending(0);
        tx.put(stable);
        tx.wake(s.id(), until, "end of service stability window");
        tx.decide(s.id(), "recovered", stable.reason());
        break;
      case GAVE_UP:
        tx.put(
            s.with(ServicePhase.HEALTHY, Optional.empty(), "came back: " + why, tx.now)
                .withAttempts(0));
        tx.notify(Severity.INFO, s.id(), "Service " + s.id() + " is up again", why);
        break;
      default:
        break;
    }
  }

  private static void attempt(Transaction tx, ServiceRecord s, String why) {
    Service spec = tx.ctx.topology().services().get(s.id());
    ServiceLadder ladder = tx.ctx.policy().serviceLadder(spec, tx.now);
    if (s.attempts() >= ladder.maxRestarts()) {
      exhausted(tx, s, ladder, true, "service restarts exhausted (" + s.attempts() + "); " + why);
      return;
    }
    Command c = tx.issue(id -> new Command.RestartService(id, s.id(), why));
    Instant until = tx.now.plus(ladder.restartTimeout());
    String reason = "restart " + (s.attempts() + 1) + " of " + ladder.maxRestarts();
    ServiceRecord next =
        s.with(ServicePhase.RESTARTING, Optional.of(until), reason, tx.now)
            .withAttempts(s.attempts() + 1)
            .withPending(c.id());
    tx.put(next);
    tx.wake(s.id(), until, "end of service restart wait");
    tx.decide(s.id(), "restart service", reason + " (" + why + ")");
  }

  private static void exhausted(
      Transaction tx, ServiceRecord s, ServiceLadder ladder, boolean reachable, String why) {
    if (!ladder.escalateToVm()) {
      tx.put(s.with(ServicePhase.GAVE_UP, Optional.empty(), why, tx.now).withPending(0));
      tx.decide(s.id(), "give up", why);
      tx.notify(Severity.CRITICAL, s.id(), "RelaxHA gave up on service " + s.id(), why);
      return;
    }
    tx.put(s.with(ServicePhase.ESCALATED, Optional.empty(), why, tx.now).withPending(0));
    tx.decide(s.id(), "escalate", "to the VM ladder: " + why);
    VmRecord vm = tx.vm(s.id().vm());
    VmRecord.Builder b = vm.toBuilder();
    b.guestReachable = reachable;
    VmRules.onDown(
        tx, b.build(), Cause.SERVICE_DOWN, Optional.of(s.id()), "service " + s.id() + ": " + why);
  }

  static void onTimer(Transaction tx, ServiceRecord s) {
    if (s.deadline().isEmpty() || tx.now.isBefore(s.deadline().get())) {
      return;
    }
    if (tx.isInflight(s.pending())) {
      return;
    }
    if (s.phase() == ServicePhase.STABILIZING) {
      tx.put(s.with(ServicePhase.HEALTHY, Optional.empty(), "stable", tx.now).withAttempts(0));
      return;
    }
    if (s.phase() == ServicePhase.RESTARTING) {
      ServiceRecord expired =
          s.with(s.phase(), Optional.empty(), s.reason(), tx.now).withPending(0);
      VmRecord vm = tx.vm(s.id().vm());
      if (vm.phase() != VmPhase.HEALTHY && vm.phase() != VmPhase.STABILIZING) {
        tx.put(expired);
        return;
      }
      attempt(tx, expired, "not back within the restart wait");
    }
  }

  static void onOutcome(Transaction tx, Command.RestartService c, ActionResult result) {
    ServiceRecord s = tx.service(c.service());
    if (s.pending() != c.id()) {
      tx.decide(c.service(), "ignore", "stale restart outcome: " + result.detail());
      return;
    }
    ServiceRecord settled = s.withPending(0);
    if (result.succeeded()) {
      tx.put(settled);
      tx.decide(c.service(), "wait", "restart done: " + result.detail());
      return;
    }
    Service spec = tx.ctx.topology().services().get(s.id());
    ServiceLadder ladder = tx.ctx.policy().serviceLadder(spec, tx.now);
    if (result instanceof ActionResult.Unreachable) {
      exhausted(tx, settled, ladder, false, "guest unreachable: " + result.detail());
    } else {
      attempt(tx, settled, "restart failed: " + result.detail());
    }
  }
}
