package org.relaxha.monitor.nagios;

import java.time.Instant;
import java.util.List;
import org.relaxha.monitor.nagios.command.ExternalCommands;
import org.relaxha.monitor.nagios.status.Comment;
import org.relaxha.monitor.nagios.status.Downtime;
import org.relaxha.monitor.nagios.status.NagiosObject;
import org.relaxha.monitor.nagios.status.ObjectStatus;
import org.relaxha.monitor.nagios.status.StatusSnapshot;

/**
 * Decides, from the current {@code status.dat}, which commands mute or unmute one Nagios object and
 * what status.dat must show afterwards. What is already in place is not sent again; unmute removes
 * only what {@link CommandSettings#author()} made.
 *
 * <p>Stateless and thread-safe.
 */
final class MutePlanner {
  /** How the comments RelaxHA adds when it mutes begin. */
  static final String MUTE_COMMENT = "muted by RelaxHA: ";

  private final CommandSettings settings;

  MutePlanner(CommandSettings settings) {
    this.settings = settings;
  }

  void mute(
      NagiosObject o,
      ObjectStatus s,
      StatusSnapshot snap,
      Instant now,
      String reason,
      CommandPlan plan) {
    silence(o, snap, now, reason, plan);
    String author = settings.author();
    if (settings.acknowledge() && s.state() != 0 && !s.acknowledged()) {
      plan.send(ExternalCommands.acknowledge(o, now, author, "RelaxHA: " + reason));
      plan.expect(
          o,
          "problem acknowledged",
          n -> n.status(o).map(x -> x.acknowledged() || x.state() == 0).orElse(false));
    }
    if (muteComments(snap, o).isEmpty()) {
      plan.send(ExternalCommands.addComment(o, now, author, MUTE_COMMENT + reason));
    }
    plan.expect(o, "a '" + MUTE_COMMENT.strip() + "' comment", n -> !muteComments(n, o).isEmpty());
  }

  private void silence(
      NagiosObject o, StatusSnapshot snap, Instant now, String reason, CommandPlan plan) {
    if (settings.muteWith() == MuteMode.DOWNTIME) {
      if (ours(snap.downtimesOf(o)).isEmpty()) {
        plan.send(
            ExternalCommands.scheduleDowntime(
                o, now, settings.downtimeLength(), settings.author(), "RelaxHA: " + reason));
      }
      plan.expect(
          o,
          "a downtime by " + settings.author() + " in effect",
          n -> !ours(n.downtimesOf(o)).isEmpty() && depth(n, o) > 0);
    } else {
      plan.send(ExternalCommands.disableChecks(o, now));
      plan.send(ExternalCommands.disableNotifications(o, now));
      plan.expect(
          o,
          "checks and notifications disabled",
          n -> n.status(o).map(x -> !x.activeChecks() && !x.notifications()).orElse(false));
    }
  }

  void unmute(NagiosObject o, ObjectStatus s, StatusSnapshot snap, Instant now, CommandPlan plan) {
    if (settings.muteWith() == MuteMode.DOWNTIME) {
      ours(snap.downtimesOf(o))
          .forEach(d -> plan.send(ExternalCommands.deleteDowntime(o, d.id(), now)));
      plan.expect(o, "no downtime by " + settings.author(), n -> ours(n.downtimesOf(o)).isEmpty());
    } else {
      plan.send(ExternalCommands.enableChecks(o, now));
      plan.send(ExternalCommands.enableNotifications(o, now));
      plan.expect(
          o,
          "checks and notifications enabled",
          n -> n.status(o).map(x -> x.activeChecks() && x.notifications()).orElse(false));
    }
    if (s.acknowledged() && ourAcknowledgement(snap, o)) {
      plan.send(ExternalCommands.removeAcknowledgement(o, now));
    }
    plan.expect(
        o,
        "no acknowledgement by " + settings.author(),
        n ->
            !(n.status(o).map(ObjectStatus::acknowledged).orElse(false)
                && ourAcknowledgement(n, o)));
    muteComments(snap, o).forEach(c -> plan.send(ExternalCommands.deleteComment(o, c.id(), now)));
    plan.expect(o, "no '" + MUTE_COMMENT.strip() + "' comment", n -> muteComments(n, o).isEmpty());
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
}
