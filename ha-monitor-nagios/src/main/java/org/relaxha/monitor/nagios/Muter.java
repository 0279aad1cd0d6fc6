package org.relaxha.monitor.nagios;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.relaxha.monitor.nagios.command.CommandFileException;
import org.relaxha.monitor.nagios.status.NagiosObject;
import org.relaxha.monitor.nagios.status.ObjectStatus;
import org.relaxha.monitor.nagios.status.StatusSnapshot;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.SubjectId;

/**
 * Mutes and unmutes subjects in Nagios: maps them to Nagios objects, plans the commands from the
 * current {@code status.dat} ({@link MutePlanner}), sends them, and waits until status.dat shows
 * every effect or {@code verifyTimeout} passes. Both calls are idempotent.
 *
 * <p>Thread-safe: holds no mutable state of its own.
 */
final class Muter {
  private final CommandSettings settings;
  private final SubjectMap subjects;
  private final CommandSender sender;
  private final SnapshotBoard board;
  private final SourceTracker source;
  private final InstantSource clock;
  private final MutePlanner planner;

  Muter(
      CommandSettings settings,
      SubjectMap subjects,
      CommandSender sender,
      SnapshotBoard board,
      SourceTracker source,
      InstantSource clock) {
    this.settings = settings;
    this.subjects = subjects;
    this.sender = sender;
    this.board = board;
    this.source = source;
    this.clock = clock;
    this.planner = new MutePlanner(settings);
  }

  ActionResult mute(Set<SubjectId> targets, String reason) {
    return apply(true, targets, reason);
  }

  ActionResult unmute(Set<SubjectId> targets, String reason) {
    return apply(false, targets, reason);
  }

  private ActionResult apply(boolean mute, Set<SubjectId> targets, String reason) {
    String verb = mute ? "mute" : "unmute";
    List<NagiosObject> objects = new ArrayList<>();
    Set<String> unmapped = new TreeSet<>();
    targets.forEach(
        s -> subjects.object(s).ifPresentOrElse(objects::add, () -> unmapped.add(s.key())));
    if (objects.isEmpty()) {
      return ActionResult.done(
          verb + ": none of " + keys(targets) + " is mapped to Nagios; nothing sent");
    }
    Optional<StatusSnapshot> snapshot = firstSnapshot();
    Optional<String> lost = source.problem();
    if (lost.isPresent() || snapshot.isEmpty()) {
      return ActionResult.unreachable(
          verb + ": Nagios status unavailable: " + lost.orElse(SourceTracker.NOT_READ));
    }
    CommandPlan plan = new CommandPlan();
    List<String> absent = plan(mute, objects, snapshot.get(), reason, plan);
    String notes = notes(unmapped, absent);
    if (plan.expectsNothing()) {
      return ActionResult.done(verb + ": nothing in Nagios to " + verb + notes);
    }
    return send(verb, plan).orElseGet(() -> verify(verb, plan, notes));
  }

  /** Plans every object; returns the mapped objects status.dat does not have. */
  private List<String> plan(
      boolean mute,
      List<NagiosObject> objects,
      StatusSnapshot snapshot,
      String reason,
      CommandPlan plan) {
    Instant now = clock.instant();
    List<String> absent = new ArrayList<>();
    for (NagiosObject o : objects) {
      Optional<ObjectStatus> status = snapshot.status(o);
      if (status.isEmpty()) {
        absent.add(o.toString());
      } else if (mute) {
        planner.mute(o, status.get(), snapshot, now, reason, plan);
      } else {
        planner.unmute(o, status.get(), snapshot, now, plan);
      }
    }
    return absent;
  }

  /** Sends the plan's lines; returns the failure, if any. */
  private Optional<ActionResult> send(String verb, CommandPlan plan) {
    try {
      sender.send(plan.lines());
      return Optional.empty();
    } catch (CommandFileException e) {
      return Optional.of(
          e.unreachable()
              ? ActionResult.unreachable(verb + ": " + e.getMessage())
              : ActionResult.failed(verb + ": " + e.getMessage()));
    } catch (IllegalArgumentException e) {
      return Optional.of(ActionResult.failed(verb + ": " + e.getMessage()));
    }
  }

  /** The latest snapshot; just after start, waits (up to verifyTimeout) for the first one. */
  private Optional<StatusSnapshot> firstSnapshot() {
    Optional<StatusSnapshot> latest = board.latest();
    boolean neverRead = source.problem().map(SourceTracker.NOT_READ::equals).orElse(false);
    if (latest.isPresent() || !neverRead) {
      return latest;
    }
    try {
      return board.await(s -> true, settings.verifyTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private ActionResult verify(String verb, CommandPlan plan, String notes) {
    Optional<StatusSnapshot> seen;
    try {
      seen = board.await(plan::holds, settings.verifyTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ActionResult.retryable(verb + ": interrupted while verifying");
    }
    List<String> missing = seen.map(plan::missing).orElse(List.of("no status read"));
    if (!missing.isEmpty()) {
      return ActionResult.retryable(
          verb
              + ": status.dat does not show it after "
              + settings.verifyTimeout().toSeconds()
              + " s: "
              + String.join("; ", missing)
              + notes);
    }
    String how = settings.muteWith() == MuteMode.DOWNTIME ? "downtime" : "disabled checks";
    return ActionResult.done(
        verb
            + "d in Nagios ("
            + how
            + ", confirmed by status.dat): "
            + String.join(", ", plan.objects())
            + notes);
  }

  private static String notes(Set<String> unmapped, List<String> absent) {
    String text = "";
    if (!unmapped.isEmpty()) {
      text += "; not mapped to Nagios: " + String.join(", ", unmapped);
    }
    if (!absent.isEmpty()) {
      text += "; mapped but absent from status.dat: " + String.join(", ", absent);
    }
    return text;
  }

  private static String keys(Set<SubjectId> targets) {
    return targets.stream()
        .map(SubjectId::key)
        .sorted()
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
