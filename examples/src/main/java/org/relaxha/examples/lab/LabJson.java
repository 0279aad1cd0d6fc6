package org.relaxha.examples.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.relaxha.examples.config.ScenarioFile;
import org.relaxha.sim.Expectation;
import org.relaxha.sim.Failure;
import org.relaxha.sim.IncidentResult;
import org.relaxha.sim.Phase;
import org.relaxha.sim.RunResult;
import org.relaxha.sim.Stats;
import org.relaxha.sim.chaos.ChaosRun;

/**
 * The lab's results as JSON (format in {@code docs/lab.md}): times in seconds from each failure,
 * {@code null} where a phase was not reached. Written by hand: no JSON library.
 *
 * <p>Stateless and thread-safe.
 */
final class LabJson {
  private LabJson() {}

  /** The results of a scenario's runs. */
  static void write(Path path, ScenarioFile file, long seed, List<VariantRuns> variants) {
    Json j = new Json();
    j.open('{');
    j.field("scenario").string(file.name());
    j.field("file").string(file.file());
    j.field("seed").number(seed);
    j.field("runs").number(variants.get(0).runs().size());
    j.field("paper").string(file.paper().orElse(null));
    j.field("variants").open('[');
    for (VariantRuns v : variants) {
      j.item().open('{');
      j.field("name").string(v.name());
      j.field("incidents").open('[');
      List<Failure> incidents = v.variant().incidents();
      for (int i = 0; i < incidents.size(); i++) {
        incident(j, v, i, incidents.get(i));
      }
      j.close(']');
      j.field("violations").open('[');
      v.violations().forEach(x -> j.item().string(x));
      j.close(']');
      j.close('}');
    }
    j.close(']');
    j.close('}');
    save(path, j);
  }

  private static void incident(Json j, VariantRuns v, int i, Failure f) {
    j.item().open('{');
    j.field("number").number(i + 1);
    j.field("title").string(f.describe());
    j.field("kind").string(f.kind().label());
    j.field("target").string(f.target().map(Object::toString).orElse(null));
    j.field("at").number(f.at().toMillis() / 1000.0);
    Expectation e = f.expect().get(v.name());
    j.field("paper");
    if (e == null) {
      j.nul();
    } else {
      j.open('{');
      j.field("low").number(e.low().toMillis() / 1000.0);
      j.field("high").number(e.high().toMillis() / 1000.0);
      j.field("text").string(e.text());
      j.field("source").string(e.source());
      j.field("inside").bool(e.contains(v.stats(i, Phase.BACK).mean()));
      j.close('}');
    }
    j.field("stats").open('{');
    for (Phase p : List.of(Phase.DETECT, Phase.BACK, Phase.VERIFIED)) {
      stats(j.field(p.label()), v.stats(i, p));
    }
    j.close('}');
    j.field("runs").open('[');
    for (RunResult r : v.runs()) {
      IncidentResult x = r.incidents().get(i);
      j.item().open('{');
      j.field("seed").number(r.seed());
      j.field("outcome").string(x.outcome().label());
      for (Phase p : Phase.values()) {
        seconds(j.field(p.label()), x.offset(p));
      }
      j.close('}');
    }
    j.close(']');
    j.close('}');
  }

  private static void stats(Json j, Stats s) {
    j.open('{');
    j.field("n").number(s.n());
    j.field("mean").number(s.mean());
    j.field("sd").number(s.sd());
    j.field("min").number(s.min());
    j.field("p50").number(s.p50());
    j.field("p90").number(s.p90());
    j.field("p99").number(s.p99());
    j.field("max").number(s.max());
    j.close('}');
  }

  private static void seconds(Json j, Optional<Duration> d) {
    if (d.isPresent()) {
      j.number(d.get().toMillis() / 1000.0);
    } else {
      j.nul();
    }
  }

  /** A chaos run's report. */
  static void writeChaos(Path path, ChaosRun.Report r) {
    Json j = new Json();
    j.open('{');
    j.field("chaos").open('{');
    j.field("schedules").number(r.schedules());
    j.field("firstSeed").number(r.firstSeed());
    j.field("failures").number(r.failures());
    j.field("controllerRestarts").number(r.restarts());
    j.field("simulatedSeconds").number(r.simulated().toSeconds());
    j.field("tookSeconds").number(r.took().toMillis() / 1000.0);
    j.field("broken").open('[');
    for (ChaosRun.Broken b : r.broken()) {
      j.item().open('{');
      j.field("seed").number(b.seed());
      j.field("violations").open('[');
      b.violations().forEach(v -> j.item().string(v.toString()));
      j.close(']');
      j.close('}');
    }
    j.close(']');
    j.close('}');
    j.close('}');
    save(path, j);
  }

  private static void save(Path path, Json j) {
    try {
      Files.writeString(path, j.text() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** A tiny JSON writer: indentation, commas and escaping. Not thread-safe. */
  private static final class Json {
    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean first = true;

    Json open(char c) {
      out.append(c);
      depth++;
      first = true;
      return this;
    }

    Json close(char c) {
      depth--;
      newline();
      out.append(c);
      first = false;
      return this;
    }

    Json item() {
      if (!first) {
        out.append(',');
      }
      first = false;
      newline();
      return this;
    }

    Json field(String name) {
      item();
      out.append('"').append(name).append("\": ");
      return this;
    }

    void string(String s) {
      if (s == null) {
        nul();
        return;
      }
      out.append('"');
      for (char ch : s.toCharArray()) {
        switch (ch) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (ch < 0x20) {
              out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            } else {
              out.append(ch);
            }
          }
        }
      }
      out.append('"');
    }

    void number(double d) {
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        nul();
      } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        out.append((long) d);
      } else {
        out.append(String.format(Locale.ROOT, "%.3f", d));
      }
    }

    void number(long n) {
      out.append(n);
    }

    void bool(boolean b) {
      out.append(b);
    }

    void nul() {
      out.append("null");
    }

    private void newline() {
      out.append('\n').append("  ".repeat(Math.max(0, depth)));
    }

    String text() {
      return out.toString().replaceFirst("^\n", "");
    }
  }
}
