package org.relaxha.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a JMH JSON result file into the table of benchmarks/README.md: for every benchmark and
 * parameter set, each implementation's score and allocation, and for each candidate its ratio to
 * the baseline of the same run (the {@code impl} named in {@link #BASELINES}) as the median of the
 * per-fork ratios (fork i of the baseline against fork i of the candidate), with how many forks win
 * by more than 10% (under 10% is noise).
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.relaxha.benchmarks.report.Report result.json}.
 */
public final class Report {
  /** The baseline {@code impl} value of each benchmark class. */
  static final Map<String, String> BASELINES =
      Map.of(
          "P1FailedHost", "scan",
          "P2MassFailure", "scan",
          "P3OverCapacity", "scan",
          "E1HostFailure", "scan",
          "E2RackFailure", "scan",
          "P4UpdateLoad", "rebuild",
          "D1Ingest", "boxed",
          "D2Sweep", "phi");

  private Report() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: Report result.json");
      System.exit(2);
    }
    System.out.print(render(Files.readString(Path.of(args[0]))));
  }

  /** One result row. */
  record Row(
      String bench,
      String params,
      String impl,
      double score,
      double error,
      String unit,
      double allocPerOp,
      double[] forkMeans) {}

  @SuppressWarnings("unchecked")
  static List<Row> rows(String json) {
    List<Row> rows = new ArrayList<>();
    for (Object o : (List<Object>) Json.parse(json)) {
      Map<String, Object> r = (Map<String, Object>) o;
      String full = (String) r.get("benchmark");
      String[] parts = full.split("\\.");
      String bench = parts[parts.length - 2];
      Map<String, Object> params =
          new TreeMap<>((Map<String, Object>) r.getOrDefault("params", Map.of()));
      String impl = String.valueOf(params.remove("impl"));
      Map<String, Object> pm = (Map<String, Object>) r.get("primaryMetric");
      List<Object> raw = (List<Object>) pm.get("rawData");
      double[] forks = new double[raw.size()];
      for (int f = 0; f < forks.length; f++) {
        List<Object> its = (List<Object>) raw.get(f);
        forks[f] = its.stream().mapToDouble(x -> (Double) x).average().orElse(Double.NaN);
      }
      double alloc = Double.NaN;
      Map<String, Object> sec = (Map<String, Object>) r.getOrDefault("secondaryMetrics", Map.of());
      for (Map.Entry<String, Object> e : sec.entrySet()) {
        if (e.getKey().endsWith("gc.alloc.rate.norm")) {
          alloc = (Double) ((Map<String, Object>) e.getValue()).get("score");
        }
      }
      Object err = pm.get("scoreError");
      rows.add(
          new Row(
              bench,
              params.toString(),
              impl,
              (Double) pm.get("score"),
              err instanceof Double d ? d : Double.NaN,
              (String) pm.get("scoreUnit"),
              alloc,
              forks));
    }
    return rows;
  }

  /** Median of baseline/candidate per fork (time per op: larger is a bigger win). */
  static double[] ratios(double[] baseline, double[] candidate) {
    int n = Math.min(baseline.length, candidate.length);
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = baseline[i] / candidate[i];
    }
    return r;
  }

  static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  static String render(String json) {
    List<Row> rows = rows(json);
    Map<String, Row> baselines = new LinkedHashMap<>();
    for (Row r : rows) {
      if (r.impl().equals(BASELINES.get(r.bench()))) {
        baselines.put(r.bench() + r.params(), r);
      }
    }
    StringBuilder b = new StringBuilder();
    b.append("| benchmark | params | impl | score | alloc B/op | ratio (median of forks) |")
        .append(" per-fork ratios | forks > 1.1x |\n");
    b.append("|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      Row base = baselines.get(r.bench() + r.params());
      String ratio = "baseline";
      String forks = "";
      String wins = "";
      if (base != null && base != r) {
        double[] rs = ratios(base.forkMeans(), r.forkMeans());
        double m = median(rs);
        long won = Arrays.stream(rs).filter(x -> x > 1.1).count();
        ratio = fmt(m) + "x" + (Math.abs(m - 1) < 0.1 ? " (noise)" : "");
        StringBuilder f = new StringBuilder();
        for (double x : rs) {
          f.append(f.length() == 0 ? "" : ", ").append(fmt(x));
        }
        forks = f.toString();
        wins = won + "/" + rs.length;
      } else if (base == null) {
        ratio = "-";
      }
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s ± %s %s | %s | %s | %s | %s |%n",
              r.bench(),
              r.params(),
              r.impl(),
              fmt(r.score()),
              fmt(r.error()),
              r.unit(),
              Double.isNaN(r.allocPerOp()) ? "-" : fmt(r.allocPerOp()),
              ratio,
              forks,
              wins));
    }
    return b.toString();
  }

  static String fmt(double x) {
    if (Double.isNaN(x)) {
      return "-";
    }
    double a = Math.abs(x);
    String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, f, x);
  }
}
