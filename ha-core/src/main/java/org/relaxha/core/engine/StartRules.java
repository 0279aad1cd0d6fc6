package org.relaxha.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.notify.Severity;
import org.relaxha.spi.placement.Assignment;
import org.relaxha.spi.placement.Deferral;
import org.relaxha.spi.placement.PlacementPlan;
import org.relaxha.spi.policy.HostRecovery;
import org.relaxha.spi.policy.Rung;

/**
 * Placement and starts: VMs proven off are placed together, assigned VMs start in priority order
 * within the per-host and cluster-wide boot limits, and VMs no host can take wait in a queue that
 * is offered to placement again on a timer and whenever capacity appears.
 */
final class StartRules {
  private StartRules() {}

  /**
   * Asks for one plan for all of {@code vms}, which must be proven off. Each comes as a builder
   * holding whatever else the caller changes, so it is written once.
   */
  static void place(Transaction tx, List<VmRecord.Builder> vms, String why) {
    if (vms.isEmpty()) {
      return;
    }
    List<Command.PlaceRequest> requests = new ArrayList<>(vms.size());
    for (VmRecord.Builder b : vms) {
      requests.add(new Command.PlaceRequest(b.id, b.avoid));
    }
    Command c = tx.issue(id -> new Command.PlaceVms(id, requests, why));
    String reason = waitingReason(why);
    for (VmRecord.Builder b : vms) {
      b.phase = VmPhase.PLACING;
      b.pending = c.id();
      b.deadline = Optional.empty();
      b.target = Optional.empty();
      b.since = tx.now;
      b.reason = reason;
      tx.put(b.build());
    }
    tx.decide(null, "place", vms.size() + " VM(s): " + why);
  }

  /**
   * {@link #place} for the VMs of a fenced host, each awaiting that fencing: they are located
   * nowhere now, and each is written once, without a builder.
   */
  static void placeOffFencedHost(Transaction tx, List<VmRecord> vms, String why) {
    if (vms.isEmpty()) {
      return;
    }
    List<Command.PlaceRequest> requests = new ArrayList<>(vms.size());
    for (VmRecord r : vms) {
      requests.add(new Command.PlaceRequest(r.id(), r.avoid()));
    }
    Command c = tx.issue(id -> new Command.PlaceVms(id, requests, why));
    String reason = waitingReason(why);
    for (VmRecord r : vms) {
      tx.put(r.placingOffItsHost(c.id(), tx.now, reason));
    }
    tx.decide(null, "place", vms.size() + " VM(s): " + why);
  }

  private static String waitingReason(String why) {
    return "waiting for a placement plan (" + why + ")";
  }

  /**
   * Applies a plan to the VMs that still await it. Applying one takes it out of PLACING, so none is
   * applied twice and a VM still awaiting the command afterwards is one the plan did not mention:
   * when every request was applied, there is none to look for.
   */
  static void onPlan(Transaction tx, Command.PlaceVms c, PlacementPlan plan) {
    int applied = 0;
    for (Assignment a : plan.assignments()) {
      VmRecord r = awaiting(tx, a.vm(), c);
      if (r != null) {
        assign(tx, r, a);
        applied++;
      }
    }
    for (Deferral d : plan.waiting()) {
      VmRecord r = awaiting(tx, d.vm(), c);
      if (r != null) {
        queue(tx, r, d.reason());
        applied++;
      }
    }
    if (applied == c.requests().size()) {
      return;
    }
    for (Command.PlaceRequest req : c.requests()) {
      VmRecord r = awaiting(tx, req.vm(), c);
      if (r != null) {
        queue(tx, r, "the placement plan did not mention it");
      }
    }
  }

  private static VmRecord awaiting(Transaction tx, VmId vm, Command c) {
    VmRecord r = tx.vm(vm);
    if (r == null || r.phase() != VmPhase.PLACING || r.pending() != c.id()) {
      return null;
    }
    return r;
  }

  private static void assign(Transaction tx, VmRecord r, Assignment a) {
    if (!tx.host(a.host()).usable() || r.avoid().contains(a.host())) {
      queue(tx, r, "assigned host " + a.host() + " is no longer usable");
      return;
    }
    String why = "assigned to " + a.host() + ": " + a.reason();
    tx.put(r.assigned(a.host(), tx.now, why));
    tx.decide(r.id(), "assign", why);
  }

  private static void queue(Transaction tx, VmRecord r, String why) {
    boolean firstTime = r.waitingSince().isEmpty();
    VmRecord.Builder b = r.toBuilder();
    b.phase = VmPhase.QUEUED;
    b.pending = 0;
    b.target = Optional.empty();
    b.waitingSince = Optional.of(r.waitingSince().orElse(tx.now));
    b.since = tx.now;
    b.reason = why;
    tx.put(b.build());
    tx.decide(r.id(), "queue", why);
    if (firstTime) {
      tx.notify(
          Severity.WARNING,
          r.id(),
          "VM " + r.id() + " waits for capacity",
          "No host can take it now (" + why + "); it starts as soon as one can.");
    }
    if (tx.queueRetryAt().isEmpty()) {
      tx.wakeQueue(tx.now.plus(tx.hostRecovery().placementRetry()));
    }
  }

  /**
   * Offers every waiting VM to placement again (capacity may have appeared). Hosts it avoided after
   * failed starts are forgiven: each retry is a fresh attempt, and the relocation budget still
   * bounds how often it may move.
   */
  static void retryWaiting(Transaction tx, String why) {
    List<VmRecord.Builder> queued = new ArrayList<>();
    tx.waiting()
        .forEach(
            (vm, since) -> {
              VmRecord r = tx.vm(vm);
              if (r.phase() == VmPhase.QUEUED) {
                VmRecord.Builder b = r.toBuilder();
                b.avoid = Set.of();
                queued.add(b);
              }
            });
    place(tx, queued, why);
  }

  static void onQueueTimer(Transaction tx) {
    if (tx.queueRetryAt().isEmpty() || tx.now.isBefore(tx.queueRetryAt().get())) {
      return;
    }
    tx.setQueueRetryAt(Optional.empty());
    retryWaiting(tx, "periodic retry of waiting VMs");
  }

  /** Starts assigned VMs in order while boot slots are free. */
  static void dispatch(Transaction tx) {
    HostRecovery limits = tx.hostRecovery();
    while (tx.bootsTotal() < limits.parallelStarts()) {
      VmId vm = tx.firstToStart(host -> tx.bootsOn(host) < limits.bootsPerHost());
      if (vm == null) {
        return;
      }
      int waiting = tx.startsWaiting();
      VmRecord r = tx.vm(vm);
      HostId host = r.target().orElseThrow();
      if (!tx.host(host).usable()) {
        place(tx, List.of(r.toBuilder()), "assigned host " + host + " became unusable");
      } else {
        start(tx, r, host);
      }
      if (tx.startsWaiting() >= waiting) {
        return; // cannot happen (starting or re-placing takes it out); never loop on it
      }
    }
  }

  private static void start(Transaction tx, VmRecord r, HostId host) {
    if (!r.provenOff()) {
      LadderRules.giveUp(
          tx, r, "engine invariant: refusing to start a VM that may still run elsewhere");
      return;
    }
    String why = r.reason();
    Command c = tx.issue(id -> new Command.StartVm(id, r.id(), host, why));
    VmRecord.Builder b = r.toBuilder();
    b.phase = VmPhase.STARTING;
    b.pending = c.id();
    b.deadline = Optional.empty();
    if (r.lastRung().isEmpty() || r.lastRung().get().compareTo(Rung.RESTART) < 0) {
      b.lastRung = Optional.of(Rung.RESTART);
    }
    b.relocations = Budgets.record(r.relocations(), tx.ladder(r.id()).budget().window(), tx.now);
    b.since = tx.now;
    b.reason = "starting on " + host;
    tx.put(b.build());
    tx.decide(r.id(), "start", b.reason);
  }

  static void onStarted(Transaction tx, VmRecord r, Command.StartVm c, ActionResult result) {
    VmRecord.Builder b = r.toBuilder();
    if (result.succeeded()) {
      b.location = Optional.of(c.host());
      b.locationKnown = true;
      b.deadline = Optional.of(tx.now.plus(tx.ladder(r.id()).restartTimeout()));
      b.reason = "started on " + c.host() + "; waiting for it to come up";
      tx.put(b.build());
      tx.wake(r.id(), b.deadline.get(), "end of boot wait");
      tx.decide(r.id(), "started", b.reason + ": " + result.detail());
      return;
    }
    b.avoid = VmRules.plus(r.avoid(), c.host());
    if (result instanceof ActionResult.Failed) {
      b.location = Optional.empty();
      b.locationKnown = true;
      b.target = Optional.empty();
      tx.decide(r.id(), "start failed", c.host() + " refused: " + result.detail());
      LadderRules.relocate(tx, b.build(), "start on " + c.host() + " failed: " + result.detail());
      return;
    }
    b.location = Optional.of(c.host());
    b.locationKnown = true;
    b.target = Optional.empty();
    LadderRules.stop(
        tx, b, c.host(), "start on " + c.host() + " has an unknown outcome: " + result.detail());
  }
}
