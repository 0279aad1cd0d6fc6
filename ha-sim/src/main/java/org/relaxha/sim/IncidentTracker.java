package org.relaxha.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.relaxha.core.detect.Verdict;
import org.relaxha.core.engine.Command;
import org.relaxha.core.engine.Decision;
import org.relaxha.core.engine.MonitoringUpdate;
import org.relaxha.core.runtime.ControllerListener;
import org.relaxha.sim.world.SimWorld;
import org.relaxha.sim.world.WorldListener;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.model.VmId;

/**
 * Follows the controller (verdicts, decisions, commands) and the world (subjects coming back) and
 * turns what concerns each incident into its milestones and timeline. Confined to the simulation's
 * thread.
 */
final class IncidentTracker implements ControllerListener, WorldListener {
  private final SimWorld world;
  private final List<Tracked> all = new ArrayList<>();

  IncidentTracker(SimWorld world) {
    this.world = world;
  }

  /** Starts tracking an incident; call it just before the failure is injected. */
  void open(int number, Failure f) {
    Instant now = world.now();
    SubjectId primary = f.target().orElseThrow();
    Set<SubjectId> affected = new TreeSet<>();
    if (primary instanceof HostId h) {
      for (VmId vm : world.scenario().topology().vms().keySet()) {
        if (world.runningHosts(vm).contains(h)) {
          affected.add(vm);
        }
      }
      if (affected.isEmpty()) {
        affected.add(h);
      }
    } else {
      affected.add(primary);
    }
    Tracked t = new Tracked(number, f, now, primary, affected);
    for (SubjectId s : affected) {
      t.waitingDown.put(s, world.isAlive(s));
    }
    t.event(now, "failure", primary, f.describe());
    all.add(t);
  }

  List<IncidentResult> results() {
    List<IncidentResult> out = new ArrayList<>();
    for (Tracked t : all) {
      out.add(t.result());
    }
    return out;
  }

  private List<Tracked> open() {
    List<Tracked> result = new ArrayList<>();
    for (Tracked t : all) {
      if (!t.closed) {
        result.add(t);
      }
    }
    return result;
  }

  // ---------------------------------------------------------------- the world

  @Override
  public void onLiveness(SubjectId subject, boolean alive, Instant at) {
    for (Tracked t : open()) {
      if (!t.affected.contains(subject)) {
        continue;
      }
      if (!alive) {
        t.waitingDown.put(subject, false);
        t.back.remove(subject);
      } else if (!t.waitingDown.getOrDefault(subject, true) && !t.back.containsKey(subject)) {
        t.back.put(subject, at);
        t.event(at, "back", subject, describeBack(subject));
        t.maybeClose();
      }
    }
  }

  private String describeBack(SubjectId s) {
    if (s instanceof VmId vm) {
      return "answers again on "
          + world.aliveOn(vm).map(HostId::name).orElse("?")
          + " (ground truth)";
    }
    if (s instanceof ServiceId) {
      return "running again (ground truth)";
    }
    return "answers again (ground truth)";
  }

  // ---------------------------------------------------------------- the controller

  @Override
  public void onVerdict(Verdict v) {
    for (Tracked t : open()) {
      boolean mine = t.affected.contains(v.subject()) || t.primary.equals(v.subject());
      if (!mine) {
        continue;
      }
      String label =
          switch (v.health()) {
            case DOWN -> "detect";
            case SUSPECT -> "suspect";
            case UP -> "up";
            case UNKNOWN -> "unknown";
          };
      t.event(v.at(), label, v.subject(), v.health() + ": " + v.reason());
      if (v.health() == Health.DOWN && v.subject().equals(t.primary)) {
        t.phases.putIfAbsent(Phase.DETECT, v.at());
      }
    }
  }

  @Override
  public void onCommand(Command c) {
    if (c instanceof Command.UpdateMonitoring u && u.update() instanceof MonitoringUpdate.Mute m) {
      for (Tracked t : open()) {
        if (m.subjects().stream().anyMatch(t.affected::contains)
            && !t.phases.containsKey(Phase.MUTE)) {
          Instant now = world.now();
          t.phases.put(Phase.MUTE, now);
          long vms = m.subjects().stream().filter(s -> s instanceof VmId).count();
          t.event(
              now,
              "mute",
              t.primary,
              "alarms of "
                  + vms
                  + " VM(s) and "
                  + (m.subjects().size() - vms)
                  + " service(s) muted");
        }
      }
    }
  }

  @Override
  public void onDecision(Decision d) {
    if (d.subject().isEmpty() || QUIET.contains(d.action())) {
      return;
    }
    SubjectId s = d.subject().get();
    for (Tracked t : open()) {
      if (!t.affected.contains(s) && !t.primary.equals(s)) {
        continue;
      }
      String label = label(d.action());
      t.event(d.at(), label, s, d.reason());
      switch (label) {
        case "fenced" -> t.phases.putIfAbsent(Phase.FENCE, d.at());
        case "place" -> t.phases.putIfAbsent(Phase.PLACE, d.at());
        case "boot", "restart" -> t.phases.putIfAbsent(Phase.BOOT, d.at());
        case "verified" -> {
          t.verified.putIfAbsent(s, d.at());
          t.maybeClose();
        }
        case "give up" -> {
          t.gaveUp.add(s);
          t.maybeClose();
        }
        case "stand down" -> {
          for (SubjectId a : t.affected) {
            t.verified.putIfAbsent(a, d.at());
          }
          t.maybeClose();
        }
        default -> {}
      }
    }
  }

  private static final Set<String> QUIET = Set.of("ignore", "wait", "located", "hold", "back");

  private static String label(String action) {
    return switch (action) {
      case "assign" -> "place";
      case "start", "restart", "reboot", "reinstall" -> "boot";
      case "restart service" -> "restart";
      case "recovered" -> "verified";
      default -> action;
    };
  }

  /** The state of one incident while the run goes on. */
  private static final class Tracked {
    final int number;
    final Failure failure;
    final Instant at;
    final SubjectId primary;
    final Set<SubjectId> affected;
    final Map<Phase, Instant> phases = new EnumMap<>(Phase.class);
    final Map<SubjectId, Boolean> waitingDown = new HashMap<>();
    final Map<SubjectId, Instant> back = new HashMap<>();
    final Map<SubjectId, Instant> verified = new HashMap<>();
    final Set<SubjectId> gaveUp = new TreeSet<>();
    final List<TimelineEvent> events = new ArrayList<>();
    boolean closed;

    Tracked(int number, Failure failure, Instant at, SubjectId primary, Set<SubjectId> affected) {
      this.number = number;
      this.failure = failure;
      this.at = at;
      this.primary = primary;
      this.affected = java.util.Collections.unmodifiableSet(new TreeSet<>(affected));
    }

    void event(Instant when, String label, SubjectId s, String detail) {
      events.add(new TimelineEvent(when, label, Optional.ofNullable(s), detail));
    }

    void maybeClose() {
      for (SubjectId s : affected) {
        boolean done = gaveUp.contains(s) || (back.containsKey(s) && verified.containsKey(s));
        if (!done) {
          return;
        }
      }
      closed = true;
    }

    IncidentResult result() {
      Map<Phase, Instant> p = new EnumMap<>(Phase.class);
      p.putAll(phases);
      boolean allBack = back.keySet().containsAll(affected);
      boolean allVerified = verified.keySet().containsAll(affected);
      if (allBack) {
        p.put(Phase.BACK, back.values().stream().max(Instant::compareTo).orElse(at));
      }
      if (allVerified) {
        p.put(Phase.VERIFIED, verified.values().stream().max(Instant::compareTo).orElse(at));
      }
      IncidentResult.Outcome outcome;
      if (allBack && allVerified) {
        outcome = IncidentResult.Outcome.RECOVERED;
      } else if (!gaveUp.isEmpty()) {
        outcome = IncidentResult.Outcome.GAVE_UP;
      } else if (allBack) {
        outcome = IncidentResult.Outcome.BACK_UNVERIFIED;
      } else {
        outcome = IncidentResult.Outcome.NOT_RECOVERED;
      }
      return new IncidentResult(number, failure, at, affected, p, outcome, events);
    }
  }
}
