package org.relaxha.examples.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.relaxha.examples.config.ScenarioFile;
import org.relaxha.examples.config.ScenarioLoader;
import org.relaxha.sim.RunResult;
import org.relaxha.sim.Scenario;
import org.relaxha.sim.Simulation;

/**
 * {@code relaxha lab}: runs a scenario (the built-in one, or a file) against the real controller in
 * virtual time and writes what happened: every incident's timeline and a summary for a single run;
 * statistics per variant for several runs; the comparison with the papers' numbers; the results as
 * JSON and the recovery-time distribution as a plot when asked. {@code --chaos N} runs random
 * schedules instead ({@link ChaosLab}).
 *
 * <p>One lab per instance; not thread-safe (runs themselves go on in parallel, each confined).
 */
public final class Lab {
  /** The name errors and the header use for the scenario shipped in the launcher. */
  public static final String BUILT_IN = "built-in scenario";

  private static final String BUILT_IN_RESOURCE = "builtin.yaml";

  private final LabRequest request;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;

  /**
   * A lab writing to {@code out}, with its progress bar on {@code err} when {@code terminal} (or
   * {@code --progress}).
   */
  public Lab(LabRequest request, PrintStream out, PrintStream err, boolean terminal) {
    this.request = request;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  /** The built-in scenario: a small data center through four incidents. */
  public static ScenarioFile builtIn() {
    try (InputStream in = Lab.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the launcher lacks its built-in scenario " + BUILT_IN_RESOURCE);
      }
      return ScenarioLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads (nothing runs on a broken file), runs, writes; returns the exit code. */
  public int run() {
    if (request.chaos() > 0) {
      return new ChaosLab(request, out, err, terminal).run();
    }
    ScenarioFile file = request.scenario().map(ScenarioLoader::load).orElseGet(Lab::builtIn);
    long seed = request.seed().orElse(file.first().seed());
    List<VariantRuns> results = simulate(file, seed);
    header(file, seed);
    boolean single = request.runs() == 1 && results.size() == 1;
    for (VariantRuns v : results) {
      RunResult first = v.runs().get(0);
      if (single || request.timelines()) {
        if (results.size() > 1) {
          out.println();
          out.println(
              "=== Variant "
                  + v.name()
                  + (v.variant().description().isBlank() ? "" : ": " + v.variant().description()));
        }
        LabText.timelines(out, first);
      }
      if (request.runs() == 1) {
        LabText.summary(
            out,
            first,
            "Summary"
                + (results.size() > 1 ? " of variant " + v.name() : "")
                + " (seconds from each failure; - = not needed or not reached)");
      } else {
        LabTables.statistics(out, v);
      }
    }
    if (LabTables.comparable(results)) {
      LabTables.comparison(out, results, file.paper());
    }
    int broken = invariants(results);
    request.json().ifPresent(p -> write(p, () -> LabJson.write(p, file, seed, results)));
    request.plot().ifPresent(p -> write(p, () -> RecoveryPlot.draw(p, file, results)));
    return broken == 0 ? 0 : 1;
  }

  private void header(ScenarioFile file, long seed) {
    Scenario s = file.first();
    String source = file.file().equals(BUILT_IN) ? BUILT_IN : file.file();
    String seeds =
        request.runs() == 1
            ? "seed " + seed
            : request.runs() + " runs, seeds " + seed + ".." + (seed + request.runs() - 1);
    out.println("RelaxHA lab: " + file.name() + " (" + source + "; " + seeds + ")");
    if (!file.description().isBlank()) {
      wrap(file.description().strip()).forEach(line -> out.println(line));
    }
    out.println("Data center: " + LabText.datacenter(s) + ".");
    if (file.variants().size() > 1) {
      out.println(
          "Variants: "
              + String.join(", ", file.variants().stream().map(Scenario::variant).toList())
              + ".");
    }
    out.println(
        "The real controller (engine, detectors, journal, executor) against a simulated data"
            + " center, in virtual time.");
  }

  private static List<String> wrap(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (line.length() + word.length() + 1 > 98 && line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  private int invariants(List<VariantRuns> results) {
    List<String> all = new ArrayList<>();
    results.forEach(v -> all.addAll(v.violations()));
    out.println();
    if (all.isEmpty()) {
      out.println(
          "Invariants: none broken (no VM on two hosts, no start on an unfenced host's behalf, no"
              + " placement past capacity or threshold, no rung skipped).");
      return 0;
    }
    out.println("Invariants BROKEN (" + all.size() + "):");
    all.forEach(v -> out.println("  " + v));
    return all.size();
  }

  private void write(Path path, Runnable action) {
    action.run();
    out.println("Wrote " + path + ".");
  }

  /** Every run of every variant, in parallel, in seed order. */
  private List<VariantRuns> simulate(ScenarioFile file, long seed) {
    int total = file.variants().size() * request.runs();
    Progress progress = new Progress(err, request.progress() || terminal, "runs", total);
    ExecutorService pool = Executors.newFixedThreadPool(request.threads(), Lab::thread);
    try {
      List<List<Future<RunResult>>> futures = new ArrayList<>();
      for (Scenario v : file.variants()) {
        List<Future<RunResult>> runs = new ArrayList<>();
        for (int i = 0; i < request.runs(); i++) {
          long s = seed + i;
          runs.add(pool.submit(() -> Simulation.run(v, s, Simulation.Options.plain())));
        }
        futures.add(runs);
      }
      List<VariantRuns> results = new ArrayList<>();
      int done = 0;
      for (int v = 0; v < futures.size(); v++) {
        List<RunResult> runs = new ArrayList<>();
        for (Future<RunResult> f : futures.get(v)) {
          runs.add(f.get());
          progress.update(++done);
        }
        results.add(new VariantRuns(file.variants().get(v), runs));
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a simulation failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Thread thread(Runnable r) {
    Thread t = new Thread(r, "relaxha-lab");
    t.setDaemon(true);
    return t;
  }
}
