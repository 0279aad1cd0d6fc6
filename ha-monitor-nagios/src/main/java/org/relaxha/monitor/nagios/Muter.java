package org.relaxha.monitor.nagios;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.relaxha.monitor.nagios.command.CommandFileException;
import org.relaxha.monitor.nagios.command.ExternalCommands;
import org.relaxha.monitor.nagios.status.Comment;
import org.relaxha.monitor.nagios.status.Downtime;
import org.relaxha.monitor.nagios.status.NagiosObject;
import org.relaxha.monitor.nagios.status.ObjectStatus;
import org.relaxha.monitor.nagios.status.StatusSnapshot;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.SubjectId;

/**
 * Mutes and unmutes subjects in Nagios through external commands and verifies each by reading
 * {@code status.dat} back. Mute schedules a downtime (or disables checks and notifications),
 * acknowledges current problems and adds a comment saying why; unmute removes exactly what RelaxHA
 * (its author name) added. Both are idempotent: what is already in place is not sent again.
 *
 * <p>Thread-safe: holds no mutable state of its own.
 */
final class Muter {
  /** How the comments RelaxHA adds when it mutes begin. */
  static final String MUTE_COMMENT = "muted by RelaxHA: ";

  private final CommandSettings settings;
  private final SubjectMap subjects;
  private final CommandSender sender;
  private final SnapshotBoard board;
  private final SourceTracker source;
  private final InstantSource clock;

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
  }

  /** A condition on status.dat that a command should bring about. */
  private record Check(NagiosObject object, String what, Predicate<StatusSnapshot> holds) {}

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
    for (SubjectId s : targets) {
      subjects.object(s).ifPresentOrElse(objects::add, () -> unmapped.add(s.key()));
    }
    if (objects.isEmpty()) {
      return ActionResult.done(
          verb + ": none of " + keys(targets) + " is mapped to Nagios; nothing sent");
    }
    Optional<StatusSnapshot> snapshot = firstSnapshot();
    Optional<String> lost = source.problem();
    if (lost.isPresent() || snapshot.isEmpty()) {
      return ActionResult.unreachable(
          verb + ": Nagios status unavailable: " + lost.orElse("not read yet"));
    }
    Instant now = clock.instant();
    List<String> lines = new ArrayList<>();
    List<Check> checks = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (NagiosObject o : objects) {
      Optional<ObjectStatus> status = snapshot.get().status(o);
      if (status.isEmpty()) {
        absent.add(o.toString());
      } else if (mute) {
        muteCommands(o, status.get(), snapshot.get(), now, reason, lines, checks);
      } else {
        unmuteCommands(o, status.get(), snapshot.get(), now, lines, checks);
      }
    }
    if (checks.isEmpty()) {
      return ActionResult.done(verb + ": nothing in Nagios to " + verb + notes(unmapped, absent));
    }
    try {
      sender.send(lines);
    } catch (CommandFileException e) {
      return e.unreachable()
          ? ActionResult.unreachable(verb + ": " + e.getMessage())
          : ActionResult.failed(verb + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return ActionResult.failed(verb + ": " + e.getMessage());
    }
    return verify(verb, checks, notes(unmapped, absent));
  }

  /** The latest snapshot; just after start, waits (up to verifyTimeout) for the first one. */
  private Optional<StatusSnapshot> firstSnapshot() {
    Optional<StatusSnapshot> latest = board.latest();
    if (latest.isPresent()
        || source.problem().map(p -> !p.equals(SourceTracker.NOT_READ)).orElse(false)) {
      return latest;
    }
    try {
      return board.await(s -> true, settings.verifyTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private void muteCommands(
      NagiosObject o,
      ObjectStatus s,
      StatusSnapshot snap,
      Instant now,
      String reason,
      List<String> lines,
      List<Check> checks) {
    String author = settings.author();
    if (settings.muteWith() == MuteMode.DOWNTIME) {
      if (ours(snap.downtimesOf(o)).isEmpty()) {
        lines.add(
            ExternalCommands.scheduleDowntime(
                o, now, settings.downtimeLength(), author, "RelaxHA: " + reason));
      }
      checks.add(
          new Check(
              o,
              "a downtime by " + author + " in effect",
              n -> !ours(n.downtimesOf(o)).isEmpty() && depth(n, o) > 0));
    } else {
      lines.add(ExternalCommands.disableChecks(o, now));
      lines.add(ExternalCommands.disableNotifications(o, now));
      checks.add(
          new Check(
              o,
              "checks and notifications disabled",
              n -> n.status(o).map(x -> !x.activeChecks() && !x.notifications()).orElse(false)));
    }
    if (settings.acknowledge() && s.state() != 0 && !s.acknowledged()) {
      lines.add(ExternalCommands.acknowledge(o, now, author, "RelaxHA: " + reason));
      checks.add(
          new Check(
              o,
              "problem acknowledged",
              n -> n.status(o).map(x -> x.acknowledged() || x.state() == 0).orElse(false)));
    }
    if (muteComments(snap, o).isEmpty()) {
      lines.add(ExternalCommands.addComment(o, now, author, MUTE_COMMENT + reason));
    }
    checks.add(
        new Check(
            o, "a '" + MUTE_COMMENT.strip() + "' comment", n -> !muteComments(n, o).isEmpty()));
  }

  private void unmuteCommands(
      NagiosObject o,
      ObjectStatus s,
      StatusSnapshot snap,
      Instant now,
      List<String> lines,
      List<Check> checks) {
    if (settings.muteWith() == MuteMode.DOWNTIME) {
      ours(snap.downtimesOf(o))
          .forEach(d -> lines.add(ExternalCommands.deleteDowntime(o, d.id(), now)));
      checks.add(
          new Check(
              o, "no downtime by " + settings.author(), n -> ours(n.downtimesOf(o)).isEmpty()));
    } else {
      lines.add(ExternalCommands.enableChecks(o, now));
      lines.add(ExternalCommands.enableNotifications(o, now));
      checks.add(
          new Check(
              o,
              "checks and notifications enabled",
              n -> n.status(o).map(x -> x.activeChecks() && x.notifications()).orElse(false)));
    }
    if (s.acknowledged() && ourAcknowledgement(snap, o)) {
      lines.add(ExternalCommands.removeAcknowledgement(o, now));
    }
    checks.add(
        new Check(
            o,
            "no acknowledgement by " + settings.author(),
            n ->
                !(n.status(o).map(ObjectStatus::acknowledged).orElse(false)
                    && ourAcknowledgement(n, o))));
    muteComments(snap, o).forEach(c -> lines.add(ExternalCommands.deleteComment(o, c.id(), now)));
    checks.add(
        new Check(
            o, "no '" + MUTE_COMMENT.strip() + "' comment", n -> muteComments(n, o).isEmpty()));
  }

  private ActionResult verify(String verb, List<Check> checks, String notes) {
    Optional<StatusSnapshot> seen;
    try {
      seen =
          board.await(
              n -> checks.stream().allMatch(c -> c.holds().test(n)), settings.verifyTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ActionResult.retryable(verb + ": interrupted while verifying");
    }
    List<String> missing =
        seen.isEmpty()
            ? List.of("no status read")
            : checks.stream()
                .filter(c -> !c.holds().test(seen.get()))
                .map(c -> c.object() + ": " + c.what())
                .toList();
    Set<String> done =
        checks.stream()
            .map(c -> c.object().toString())
            .collect(Collectors.toCollection(TreeSet::new));
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
            + String.join(", ", done)
            + notes);
  }

  private List<Downtime> ours(List<Downtime> downtimes) {
    return downtimes.stream().filter(d -> d.author().equals(settings.author())).toList();
  }

  private List<Comment> muteComments(StatusSnapshot snap, NagiosObject o) {
    return snap.commentsOf(o).stream()
        .filter(
            c ->
                c.entryType() == Comment.USER
                    && c.author().equals(settings.author())
                    && c.text().startsWith(MUTE_COMMENT))
        .toList();
  }

  private boolean ourAcknowledgement(StatusSnapshot snap, NagiosObject o) {
    return snap.commentsOf(o).stream()
        .anyMatch(
            c -> c.entryType() == Comment.ACKNOWLEDGEMENT && c.author().equals(settings.author()));
  }

  private static int depth(StatusSnapshot snap, NagiosObject o) {
    return snap.status(o).map(ObjectStatus::downtimeDepth).orElse(0);
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
