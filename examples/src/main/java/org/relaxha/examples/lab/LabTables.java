package org.relaxha.examples.lab;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.relaxha.sim.Durations;
import org.relaxha.sim.Expectation;
import org.relaxha.sim.Failure;
import org.relaxha.sim.IncidentResult;
import org.relaxha.sim.Phase;
import org.relaxha.sim.Stats;

/**
 * Writes what several runs say: per variant, the recovery-time statistics of each incident (mean,
 * standard deviation, percentiles); and, across variants, the comparison with what the papers
 * report and the improvement of the last variant over the first as a ratio.
 *
 * <p>Stateless and thread-safe; the stream it writes to is the caller's.
 */
final class LabTables {
  private LabTables() {}

  /** The statistics of one variant's runs. */
  static void statistics(PrintStream out, VariantRuns v) {
    out.println();
    out.printf(
        "Variant %s: %d run(s); seconds from the failure until back in service%n",
        v.name(), v.runs().size());
    out.printf(
        "  %-2s %-40s %7s %6s %6s %6s %6s %6s %7s %8s  %s%n",
        "#",
        "INCIDENT",
        "MEAN",
        "SD",
        "P50",
        "P90",
        "P99",
        "MAX",
        "DETECT",
        "VERIFIED",
        "RECOVERED");
    List<Failure> incidents = v.variant().incidents();
    for (int i = 0; i < incidents.size(); i++) {
      Stats back = v.stats(i, Phase.BACK);
      Map<IncidentResult.Outcome, Integer> outcomes = v.outcomes(i);
      out.printf(
          "  %-2d %-40s %7s %6s %6s %6s %6s %6s %7s %8s  %s%n",
          i + 1,
          LabText.cut(incidents.get(i).describe(), 40),
          Durations.seconds(back.mean()),
          Durations.seconds(back.sd()),
          Durations.seconds(back.p50()),
          Durations.seconds(back.p90()),
          Durations.seconds(back.p99()),
          Durations.seconds(back.max()),
          Durations.seconds(v.stats(i, Phase.DETECT).mean()),
          Durations.seconds(v.stats(i, Phase.VERIFIED).mean()),
          outcomes.getOrDefault(IncidentResult.Outcome.RECOVERED, 0)
              + "/"
              + v.runs().size()
              + gaveUp(outcomes));
    }
  }

  private static String gaveUp(Map<IncidentResult.Outcome, Integer> outcomes) {
    int n = outcomes.getOrDefault(IncidentResult.Outcome.GAVE_UP, 0);
    return n == 0 ? "" : " (gave up " + n + ")";
  }

  /** Whether any incident carries a paper's number, or there are variants to compare. */
  static boolean comparable(List<VariantRuns> variants) {
    return variants.size() > 1
        || variants.get(0).variant().incidents().stream().anyMatch(f -> !f.expect().isEmpty());
  }

  /**
   * Paper versus simulation: per incident, what the paper reports, each variant's mean recovery
   * (and whether it lies in the paper's range), and the first variant's mean over the last one's.
   */
  static void comparison(PrintStream out, List<VariantRuns> variants, Optional<String> paper) {
    out.println();
    out.println(
        "Paper versus simulation: mean seconds from the failure until back in service"
            + (variants.get(0).runs().size() > 1
                ? " (" + variants.get(0).runs().size() + " runs each)"
                : ""));
    StringBuilder head =
        new StringBuilder(
            String.format(Locale.ROOT, "  %-2s %-34s %-22s", "#", "INCIDENT", "PAPER"));
    for (VariantRuns v : variants) {
      head.append(String.format(Locale.ROOT, " %-20s", LabText.cut(v.name(), 20)));
    }
    if (variants.size() > 1) {
      head.append(" RATIO");
    }
    out.println(head);
    List<Failure> incidents = variants.get(0).variant().incidents();
    for (int i = 0; i < incidents.size(); i++) {
      Failure f = incidents.get(i);
      StringBuilder row =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "  %-2d %-34s %-22s",
                  i + 1,
                  LabText.cut(f.describe(), 34),
                  LabText.cut(paperText(f), 22)));
      for (VariantRuns v : variants) {
        row.append(String.format(Locale.ROOT, " %-20s", cell(v, i, f.expect().get(v.name()))));
      }
      if (variants.size() > 1) {
        row.append(" ").append(ratio(variants.get(0), variants.get(variants.size() - 1), i));
      }
      out.println(row);
    }
    for (int i = 0; i < incidents.size(); i++) {
      Failure f = incidents.get(i);
      if (f.expect().size() > 1) {
        for (Map.Entry<String, Expectation> e : f.expect().entrySet()) {
          out.printf(
              "  Paper, incident %d, for %s: %s (%s..%s s)%n",
              i + 1,
              e.getKey(),
              e.getValue().text(),
              Durations.seconds(e.getValue().low().toMillis() / 1000.0),
              Durations.seconds(e.getValue().high().toMillis() / 1000.0));
        }
      }
    }
    paper.ifPresent(
        p -> out.println("  Paper: " + p + "; \"in\": the mean lies in the paper's range."));
    if (variants.size() > 1) {
      out.println(
          "  RATIO: mean of "
              + variants.get(0).name()
              + " over mean of "
              + variants.get(variants.size() - 1).name()
              + " (above 1: the latter recovers faster).");
    }
  }

  private static String paperText(Failure f) {
    return f.expect().values().stream().findFirst().map(Expectation::text).orElse("-");
  }

  private static String cell(VariantRuns v, int i, Expectation e) {
    Stats s = v.stats(i, Phase.BACK);
    if (s.n() == 0) {
      return "not back";
    }
    String text = Durations.seconds(s.mean());
    if (s.n() > 1) {
      text += " ±" + Durations.seconds(s.sd());
    }
    if (e != null) {
      text += e.contains(s.mean()) ? " in" : " OUT";
    }
    return text;
  }

  /** The first variant's mean recovery over the last one's, e.g. {@code 3.4x}. */
  static String ratio(VariantRuns first, VariantRuns last, int i) {
    double a = first.stats(i, Phase.BACK).mean();
    double b = last.stats(i, Phase.BACK).mean();
    if (Double.isNaN(a) || Double.isNaN(b) || b <= 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.1fx", a / b);
  }
}
