package org.relaxha.examples.lab;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.relaxha.sim.IncidentResult;
import org.relaxha.sim.Phase;
import org.relaxha.sim.RunResult;
import org.relaxha.sim.Scenario;
import org.relaxha.sim.TimelineEvent;
import org.relaxha.spi.model.SubjectId;

/**
 * Writes one run the way a person reads it: each incident's timeline (failure, detect, mute, fence,
 * place, boot, back, verified, with their clock time and time since the failure) and a summary
 * table of the milestones.
 *
 * <p>Stateless and thread-safe; the stream it writes to is the caller's.
 */
final class LabText {
  /** The timeline lines worth reading; verdicts only about the failed subject itself. */
  private static final Set<String> SHOWN =
      Set.of(
          "failure",
          "suspect",
          "detect",
          "mute",
          "delay fence",
          "fence",
          "fenced",
          "fence failed",
          "place",
          "queue",
          "boot",
          "restart",
          "start failed",
          "stop",
          "skip REBOOT",
          "skip RESTART",
          "skip REINSTALL",
          "escalate",
          "give up",
          "stand down",
          "back",
          "verified",
          "evacuated",
          "hold");

  private static final Set<String> VERDICTS = Set.of("suspect", "detect");
  private static final int DETAIL = 80;

  private LabText() {}

  /** Each incident's timeline. */
  static void timelines(PrintStream out, RunResult run) {
    for (IncidentResult i : run.incidents()) {
      timeline(out, run.scenario(), i);
    }
  }

  static void timeline(PrintStream out, Scenario s, IncidentResult i) {
    out.println();
    out.printf("Incident %d at %s: %s%n", i.number(), clock(s, i.at()), i.title());
    SubjectId primary = i.failure().target().orElse(null);
    for (TimelineEvent e : i.events()) {
      if (!SHOWN.contains(e.label())) {
        continue;
      }
      if (VERDICTS.contains(e.label()) && !e.subject().equals(Optional.ofNullable(primary))) {
        continue;
      }
      out.printf(
          "  %s  %-7s %-12s %-14s %s%n",
          clock(s, e.at()),
          "+" + seconds(Duration.between(i.at(), e.at())),
          e.label(),
          e.subject().map(Object::toString).orElse(""),
          shorten(e.detail()));
    }
    out.println("  -> " + verdict(i));
  }

  private static String verdict(IncidentResult i) {
    String back =
        i.recovery().map(d -> "back in service " + seconds(d) + " after the failure").orElse("");
    return switch (i.outcome()) {
      case RECOVERED ->
          back
              + "; the controller verified it after "
              + seconds(i.offset(Phase.VERIFIED).orElseThrow());
      case BACK_UNVERIFIED -> back + "; not yet verified by the controller when the run ended";
      case GAVE_UP -> "RelaxHA gave up and told the administrators (CRITICAL)";
      case NOT_RECOVERED -> "not back when the run ended";
    };
  }

  /** The milestones of every incident of one run, in seconds after its failure. */
  static void summary(PrintStream out, RunResult run, String heading) {
    out.println();
    out.println(heading);
    out.printf(
        "  %-2s %-44s %6s %5s %5s %5s %5s %5s %8s  %s%n",
        "#", "INCIDENT", "DETECT", "MUTE", "FENCE", "PLACE", "BOOT", "BACK", "VERIFIED", "OUTCOME");
    for (IncidentResult i : run.incidents()) {
      out.printf(
          "  %-2d %-44s %6s %5s %5s %5s %5s %5s %8s  %s%n",
          i.number(),
          cut(i.title(), 44),
          at(i, Phase.DETECT),
          at(i, Phase.MUTE),
          at(i, Phase.FENCE),
          at(i, Phase.PLACE),
          at(i, Phase.BOOT),
          at(i, Phase.BACK),
          at(i, Phase.VERIFIED),
          i.outcome().label());
    }
  }

  private static String at(IncidentResult i, Phase p) {
    return i.offset(p).map(d -> Long.toString(Math.round(d.toMillis() / 1000.0))).orElse("-");
  }

  /** The time of day in the run, from its start: {@code 00:09:20}. */
  static String clock(Scenario s, Instant at) {
    long total = Math.round(Duration.between(s.start(), at).toMillis() / 1000.0);
    return String.format(Locale.ROOT, "%02d:%02d:%02d", total / 3600, total / 60 % 60, total % 60);
  }

  /** {@code 12s}, {@code 3m05s}, {@code 1h02m}, rounded to the second. */
  static String seconds(Duration d) {
    long s = Math.round(d.toMillis() / 1000.0);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60);
  }

  static String cut(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 3) + "...";
  }

  private static String shorten(String text) {
    return cut(text.replace('\n', ' '), DETAIL);
  }

  /** A scenario's data center in one line: hosts, VMs, services, monitors, fencing. */
  static String datacenter(Scenario s) {
    List<String> monitors =
        s.monitors().stream().map(m -> m.name() + " (" + kind(m) + ")").toList();
    return s.topology().hosts().size()
        + " hosts, "
        + s.topology().vms().size()
        + " VMs, "
        + s.topology().services().size()
        + (s.topology().services().size() == 1 ? " service" : " services")
        + "; monitors "
        + String.join(", ", monitors)
        + "; fencing "
        + (s.fencing().enabled() ? "ipmi" : "none");
  }

  private static String kind(org.relaxha.sim.MonitorSpec m) {
    if (m instanceof org.relaxha.sim.MonitorSpec.Nagios n) {
      return "poller, every "
          + org.relaxha.sim.Durations.format(
              n.interval().get(org.relaxha.spi.model.Criticality.HIGH))
          + " for high";
    }
    if (m instanceof org.relaxha.sim.MonitorSpec.Ganglia g) {
      return "heartbeats, dead after "
          + org.relaxha.sim.Durations.format(g.deadAfter())
          + ", read every "
          + org.relaxha.sim.Durations.format(g.poll());
    }
    return "hypervisor events";
  }
}
