package org.relaxha.core.runtime;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.relaxha.core.engine.Command;
import org.relaxha.core.engine.Decision;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.policy.Rung;

/**
 * Renders a {@link StatusSnapshot} as the text {@code relaxha status} prints and the controller
 * writes to {@code status.txt} in its state directory: one line per subject (health, what its
 * detector says, phase, rung, location, next deadline, reason), then the commands in flight,
 * warnings and the latest decisions.
 *
 * <p>Stateless and thread-safe.
 */
public final class StatusReport {
  private static final String FORMAT = "%-22s %-8s %-9s %-26s %-9s %-10s %-20s %s%n";

  private StatusReport() {}

  /** The whole report. */
  public static String render(StatusSnapshot s) {
    StringBuilder out = new StringBuilder();
    out.append("RelaxHA status at ")
        .append(s.at().truncatedTo(ChronoUnit.SECONDS))
        .append(" (journal seq ")
        .append(s.journalSequence())
        .append(s.valveTripped() ? "; SAFETY VALVE HOLDS FENCING" : "")
        .append(")\n\n");
    out.append(
        String.format(
            FORMAT,
            "SUBJECT",
            "HEALTH",
            "DETECTOR",
            "PHASE",
            "RUNG",
            "WHERE",
            "NEXT DEADLINE",
            "REASON"));
    for (SubjectStatus x : s.subjects()) {
      out.append(
          String.format(
              FORMAT,
              x.subject().key(),
              x.health(),
              x.detector() + x.mutedBy().map(m -> "*").orElse(""),
              x.phase(),
              x.rung().map(Rung::name).orElse("-"),
              x.location().map(HostId::name).orElse("-"),
              x.deadline().map(d -> d.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("-"),
              x.reason() + x.mutedBy().map(m -> " [alarms held by " + m.key() + "]").orElse("")));
    }
    section(out, "Commands in flight", s.inflight().stream().map(StatusReport::describe).toList());
    section(out, "Warnings", s.warnings());
    if (s.stuckCalls() > 0) {
      section(out, "Stuck adapter calls", List.of(s.stuckCalls() + " call(s) past their timeout"));
    }
    List<Decision> recent = s.recentDecisions();
    section(
        out,
        "Latest decisions",
        recent.subList(Math.max(0, recent.size() - 20), recent.size()).stream()
            .map(Decision::toString)
            .toList());
    return out.toString();
  }

  private static String describe(Command c) {
    return c.getClass().getSimpleName() + "#" + c.id() + ": " + c;
  }

  private static void section(StringBuilder out, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    out.append('\n').append(title).append(":\n");
    lines.forEach(l -> out.append("  ").append(l).append('\n'));
  }

  /** The instant a rendered report was taken, read back from its first line. */
  public static Optional<Instant> takenAt(String report) {
    String prefix = "RelaxHA status at ";
    if (!report.startsWith(prefix)) {
      return Optional.empty();
    }
    int end = report.indexOf(' ', prefix.length());
    try {
      return Optional.of(Instant.parse(report.substring(prefix.length(), end)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
