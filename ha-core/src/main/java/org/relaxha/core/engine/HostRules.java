package org.relaxha.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.relaxha.spi.fencing.FenceResult;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.notify.Severity;
import org.relaxha.spi.policy.HostRecovery;
import org.relaxha.spi.policy.SafetyValve;

/**
 * Host failure: mute what ran there, fence (unless the safety valve holds), then hand every VM of
 * the host to placement at once; stand down if the host returns before it is fenced.
 */
final class HostRules {
  private HostRules() {}

  static void onHealth(Transaction tx, HostId id, Health health, String why) {
    HostRecord prev = tx.host(id);
    HostRecord.Builder b = prev.toBuilder();
    b.health = health;
    if (health == Health.DOWN && prev.downSince().isEmpty()) {
      b.downSince = Optional.of(tx.now);
    }
    if (health == Health.UP) {
      b.downSince = Optional.empty();
      b.acknowledged = false;
    }
    HostRecord r = b.build();
    tx.put(r);
    if (health == Health.DOWN && r.phase() == HostPhase.UP) {
      hostDown(tx, r, why);
    } else if (health == Health.UP) {
      hostUp(tx, r, prev.health(), why);
    }
  }

  private static void hostUp(Transaction tx, HostRecord r, Health before, String why) {
    switch (r.phase()) {
      case HELD:
        standDown(tx, r, "came back while its fencing was held: " + why);
        break;
      case FENCING:
        if (tx.isInflight(r.pending())) {
          tx.decide(r.id(), "wait", "came back while a fence command runs; its outcome decides");
        } else {
          standDown(tx, r, "came back before it could be fenced: " + why);
        }
        break;
      case FENCED:
        HostRecord.Builder b = r.toBuilder();
        b.phase = HostPhase.UP;
        b.fenceAttempts = 0;
        b.deadline = Optional.empty();
        b.since = tx.now;
        b.reason = "back in service after fencing: " + why;
        tx.put(b.build());
        tx.decide(r.id(), "back", b.reason);
        StartRules.retryWaiting(tx, "host " + r.id() + " is back");
        break;
      default:
        if (before != Health.UP) {
          recheckHeldVms(tx, r.id());
          StartRules.retryWaiting(tx, "host " + r.id() + " is up");
        }
    }
  }

  private static void hostDown(Transaction tx, HostRecord r, String why) {
    List<VmId> evacuees = new ArrayList<>();
    SubjectSet.Collector muted = new SubjectSet.Collector(tx.ctx);
    String reason = VmRules.awaitFenceReason(r.id());
    String decision = reason + " (" + why + ")";
    for (VmId vm : tx.vmsOn(r.id())) {
      VmRecord v = tx.vm(vm);
      if (v.phase() != VmPhase.GAVE_UP) {
        VmRules.awaitFence(tx, v, r.id(), reason, decision);
        evacuees.add(vm);
        muted.addAlarmsOf(vm);
      }
    }
    replaceAssignedTo(tx, r.id());
    HostRecord.Builder b = r.toBuilder();
    b.evacuees = Set.of(evacuees.toArray(new VmId[0])); // distinct: one VM per record
    b.fenceAttempts = 0;
    tx.put(b.build());
    if (!muted.isEmpty()) {
      tx.monitoring(new MonitoringUpdate.Mute(muted.toSet()), "host " + r.id() + " down");
    }
    tx.notify(
        Severity.WARNING,
        r.id(),
        "Host " + r.id() + " is down",
        why + ". " + evacuees.size() + " VM(s) will start elsewhere once the host is proven off.");
    if (valveHolds(tx, b.build())) {
      hold(tx, tx.host(r.id()));
    } else if (tx.hostRecovery().fenceDelay().isZero()) {
      startFencing(tx, tx.host(r.id()), why);
    } else {
      delayFencing(tx, tx.host(r.id()), why);
    }
  }

  /** Gives a failed host the policy's delay to come back before it is fenced. */
  private static void delayFencing(Transaction tx, HostRecord r, String why) {
    java.time.Duration delay = tx.hostRecovery().fenceDelay();
    Instant at = tx.now.plus(delay);
    HostRecord.Builder b = r.toBuilder();
    b.phase = HostPhase.FENCING;
    b.fenceAttempts = 0;
    b.pending = 0;
    b.deadline = Optional.of(at);
    b.since = tx.now;
    b.reason = "down; fencing in " + delay + " unless it comes back (fence delay)";
    tx.put(b.build());
    tx.wake(r.id(), at, "end of fence delay");
    tx.decide(r.id(), "delay fence", b.reason + " (" + why + ")");
  }

  /** VMs assigned to this host but not started yet go back to placement. */
  private static void replaceAssignedTo(Transaction tx, HostId host) {
    List<VmRecord.Builder> moved = new ArrayList<>();
    for (VmId vm : tx.startsOn(host)) {
      moved.add(tx.vm(vm).toBuilder());
    }
    StartRules.place(tx, moved, "assigned host " + host + " failed before they started");
  }

  private static boolean valveHolds(Transaction tx, HostRecord failing) {
    SafetyValve valve = tx.hostRecovery().valve();
    if (tx.valveTripped()) {
      return true;
    }
    Instant since = tx.now.minus(valve.window());
    int total = tx.hostCount();
    int down = 0;
    for (Map.Entry<HostId, Instant> e : tx.downHosts()) {
      if (!e.getValue().isBefore(since) && !tx.host(e.getKey()).acknowledged()) {
        down++;
      }
    }
    if (valve.trips(down, total)) {
      tx.setValveTripped(true);
      tx.notify(
          Severity.CRITICAL,
          null,
          "Safety valve: fencing held",
          down
              + " of "
              + total
              + " hosts failed within "
              + valve.window()
              + ". That looks more like a failure of the controller's network or of the"
              + " monitoring than of the hosts, so no host is fenced and no VM is moved."
              + " Hosts that come back stand down. If the hosts really are down, release the"
              + " hold (relaxha release-hold) or confirm each host off.");
      return true;
    }
    return false;
  }

  private static void hold(Transaction tx, HostRecord r) {
    HostRecord.Builder b = r.toBuilder();
    b.phase = HostPhase.HELD;
    b.since = tx.now;
    b.reason = "down; fencing held by the safety valve";
    tx.put(b.build());
    tx.decide(r.id(), "hold", b.reason);
  }

  static void startFencing(Transaction tx, HostRecord r, String why) {
    int attempt = r.fenceAttempts() + 1;
    Command c = tx.issue(id -> new Command.FenceHost(id, r.id(), attempt, why));
    HostRecord.Builder b = r.toBuilder();
    b.phase = HostPhase.FENCING;
    b.fenceAttempts = attempt;
    b.pending = c.id();
    b.deadline = Optional.empty();
    b.since = r.phase() == HostPhase.FENCING ? r.since() : tx.now;
    b.reason = "fencing, attempt " + attempt;
    tx.put(b.build());
    tx.decide(r.id(), "fence", b.reason + " (" + why + ")");
  }

  static void onFenceResult(Transaction tx, Command.FenceHost c, FenceResult result) {
    HostRecord r = tx.host(c.host());
    if (r.pending() != c.id()) {
      tx.decide(r.id(), "ignore", "stale fence outcome: " + result.detail());
      return;
    }
    HostRecord.Builder b = r.toBuilder();
    b.pending = 0;
    HostRecord settled = b.build();
    if (result instanceof FenceResult.Fenced f) {
      fenced(tx, settled, f.method() + ": " + f.detail());
      return;
    }
    tx.put(settled);
    if (settled.health() == Health.UP) {
      standDown(tx, settled, "fencing failed and the host answers again: " + result.detail());
      return;
    }
    retryLater(tx, settled, result.detail());
  }

  private static void retryLater(Transaction tx, HostRecord r, String detail) {
    HostRecovery policy = tx.hostRecovery();
    Instant at = tx.now.plus(policy.fenceRetryDelay());
    HostRecord.Builder b = r.toBuilder();
    b.deadline = Optional.of(at);
    b.reason = "fence attempt " + r.fenceAttempts() + " failed: " + detail;
    tx.put(b.build());
    tx.wake(r.id(), at, "retry fencing");
    tx.decide(r.id(), "fence failed", b.reason + "; retry at " + at);
    if (r.fenceAttempts() == policy.fenceAttempts()) {
      tx.notify(
          Severity.CRITICAL,
          r.id(),
          "Cannot fence host " + r.id(),
          r.fenceAttempts()
              + " fence attempts failed (last: "
              + detail
              + "). Its VMs stay where they are until it is proven off: power it off and run"
              + " relaxha confirm-fenced "
              + r.id()
              + ". RelaxHA keeps retrying every "
              + policy.fenceRetryDelay()
              + ".");
    }
  }

  static void onTimer(Transaction tx, HostRecord r) {
    if (r.phase() != HostPhase.FENCING
        || r.deadline().isEmpty()
        || tx.now.isBefore(r.deadline().get())
        || tx.isInflight(r.pending())) {
      return;
    }
    startFencing(tx, r, r.fenceAttempts() == 0 ? "the fence delay is over" : "retry");
  }

  /** The host is proven off: every VM located there is off; place the ones to recover. */
  static void fenced(Transaction tx, HostRecord r, String proof) {
    HostRecord.Builder b = r.toBuilder();
    b.phase = HostPhase.FENCED;
    b.pending = 0;
    b.deadline = Optional.empty();
    b.evacuationStart = Optional.of(tx.now);
    b.since = tx.now;
    b.reason = "fenced: " + proof;
    tx.put(b.build());
    tx.decide(r.id(), "fenced", proof);
    List<VmRecord> toPlace = new ArrayList<>();
    for (VmId vm : tx.vmsOn(r.id())) {
      VmRecord before = tx.vm(vm);
      if (before.phase() != VmPhase.AWAITING_FENCE && before.phase() != VmPhase.GAVE_UP) {
        VmRules.awaitFence(tx, before, r.id(), "its host was fenced");
        tx.put(tx.host(r.id()).toBuilder().withEvacuee(vm));
        before = tx.vm(vm);
      }
      if (before.phase() == VmPhase.AWAITING_FENCE) {
        toPlace.add(before); // located nowhere and written once, by placeOffFencedHost
      } else {
        VmRecord.Builder v = before.toBuilder();
        v.location = Optional.empty();
        v.locationKnown = true;
        tx.put(v.build());
      }
    }
    StartRules.placeOffFencedHost(tx, toPlace, "host " + r.id() + " fenced");
  }

  /** The host is back before fencing: its VMs never left; unmute them. */
  static void standDown(Transaction tx, HostRecord r, String why) {
    HostRecord.Builder b = r.toBuilder();
    b.phase = HostPhase.UP;
    b.pending = 0;
    b.fenceAttempts = 0;
    b.deadline = Optional.empty();
    b.evacuees = Set.of();
    b.since = tx.now;
    b.reason = why;
    tx.put(b.build());
    SubjectSet.Collector unmuted = new SubjectSet.Collector(tx.ctx);
    for (VmId vm : tx.vmsOn(r.id())) {
      VmRecord v = tx.vm(vm);
      if (v.phase() == VmPhase.AWAITING_FENCE) {
        VmRules.resume(tx, v, "host " + r.id() + " came back before it was fenced");
        unmuted.addAlarmsOf(vm);
      }
    }
    if (!unmuted.isEmpty()) {
      tx.monitoring(new MonitoringUpdate.Unmute(unmuted.toSet()), "host " + r.id() + " came back");
    }
    tx.decide(r.id(), "stand down", why);
    tx.notify(Severity.INFO, r.id(), "Host " + r.id() + " is back", why + "; nothing was moved.");
    rearmValveIfClear(tx);
    recheckHeldVms(tx, r.id());
  }

  /**
   * VMs on a host that is usable again whose last verdict is DOWN: their alarms were held while the
   * host was in trouble, so their ladders start now.
   */
  static void recheckHeldVms(Transaction tx, HostId host) {
    for (VmId vm : tx.vmsOn(host)) {
      VmRecord v = tx.vm(vm);
      if (v.phase() == VmPhase.HEALTHY && v.health() == Health.DOWN) {
        VmRules.onDown(
            tx,
            v,
            Cause.VM_DOWN,
            Optional.empty(),
            "still down now that host " + host + " is back");
      } else if (v.phase() == VmPhase.AWAITING_FENCE
          && v.deadline().isPresent()
          && tx.host(host).phase() == HostPhase.UP) {
        LadderRules.relocate(tx, VmRules.withoutDeadline(v), "its host " + host + " answers again");
      }
    }
  }

  private static void rearmValveIfClear(Transaction tx) {
    if (!tx.valveTripped()) {
      return;
    }
    for (HostRecord h : tx.allHosts()) {
      if (h.phase() == HostPhase.HELD) {
        return;
      }
    }
    tx.setValveTripped(false);
    tx.notify(
        Severity.INFO, null, "Safety valve re-armed", "Every held host came back; nothing moved.");
  }

  /** Tells the administrators once every VM of a failed host is back or given up. */
  static void checkEvacuationDone(Transaction tx, HostId host) {
    HostRecord r = tx.host(host);
    if (r.evacuees().isEmpty()) {
      return;
    }
    int up = 0;
    int lost = 0;
    for (VmId vm : r.evacuees()) {
      VmPhase phase = tx.vm(vm).phase();
      if (phase == VmPhase.GAVE_UP) {
        lost++;
      } else if (phase == VmPhase.STABILIZING || phase == VmPhase.HEALTHY) {
        up++;
      } else {
        return;
      }
    }
    HostRecord.Builder b = r.toBuilder();
    b.evacuees = Set.of();
    tx.put(b.build());
    String took = r.evacuationStart().map(s -> VmRules.seconds(s, tx.now)).orElse("?");
    String text =
        up + " of " + (up + lost) + " VM(s) recovered elsewhere, " + took + " after fencing";
    tx.decide(host, "evacuated", text);
    tx.notify(
        lost == 0 ? Severity.INFO : Severity.CRITICAL,
        host,
        "Host " + host + ": recovery finished",
        text + (lost == 0 ? "." : "; " + lost + " could not be recovered."));
  }

  static void onConfirmFenced(Transaction tx, HostId host, String operator) {
    HostRecord r = tx.host(host);
    if (r.phase() != HostPhase.HELD && r.phase() != HostPhase.FENCING) {
      tx.decide(host, "ignore", "confirm-fenced by " + operator + " while " + r.phase());
      return;
    }
    HostRecord.Builder b = r.toBuilder();
    b.acknowledged = true;
    fenced(tx, b.build(), "confirmed off by operator " + operator);
  }

  static void onReleaseHold(Transaction tx, String operator) {
    tx.setValveTripped(false);
    for (HostRecord h : tx.allHosts()) {
      if (h.health() == Health.DOWN && !h.acknowledged()) {
        HostRecord.Builder b = h.toBuilder();
        b.acknowledged = true;
        tx.put(b.build());
      }
    }
    for (HostRecord h : tx.allHosts()) {
      if (h.phase() == HostPhase.HELD) {
        startFencing(tx, h, "safety valve released by " + operator);
      }
    }
    tx.decide(null, "release hold", "by " + operator);
  }

  static void onMaintenance(Transaction tx, HostId host, boolean on, String operator) {
    HostRecord.Builder b = tx.host(host).toBuilder();
    b.maintenance = on;
    tx.put(b.build());
    tx.decide(host, on ? "maintenance on" : "maintenance off", "by " + operator);
    if (!on) {
      StartRules.retryWaiting(tx, "host " + host + " left maintenance");
    }
  }
}
