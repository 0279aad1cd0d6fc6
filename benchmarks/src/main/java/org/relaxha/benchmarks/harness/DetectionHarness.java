package org.relaxha.benchmarks.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The detection-quality harness (not JMH): replays heartbeat traces on a virtual clock and reports,
 * per detector and setting, the detection time of a crash (mean, p99, max) and the false suspicions
 * per host-day, every detector on identical traces. Next to each setting it prints the theoretical
 * floor: the shortest fixed timeout after the last heartbeat, {@code k} intervals plus a jitter
 * quantile, that keeps false suspicions under the budget ({@value #BUDGET} per host-day) for that
 * setting's known loss, pauses and jitter, and that floor's own detection time on the same traces.
 *
 * <p>A crash is simulated at many points of each trace: right after heartbeat {@code i} was sent
 * (and a uniform fraction of an interval later) the sender stops; the detection time is the
 * detector's deadline after the last heartbeat that arrived, minus the crash instant. A false
 * suspicion is a heartbeat arriving after the deadline set by the previous one.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.relaxha.benchmarks.harness.DetectionHarness
 * [host-days per setting, default 100]}.
 */
public final class DetectionHarness {
  /** False suspicions per host-day the floor is computed for (our phi's default budget too). */
  static final double BUDGET = 1e-3;

  private static final long DAY = 86_400_000_000_000L;
  private static final int TRIALS_PER_DAY = 200;

  private DetectionHarness() {}

  /** One detector's results on one setting. */
  record Result(
      String detector,
      double meanS,
      double p99S,
      double maxS,
      double falsePerHostDay,
      long trials) {}

  public static void main(String[] args) {
    int hostDays = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    for (Setting s : Setting.standard()) {
      long floor = floor(s);
      List<Result> results = run(s, hostDays, 1, 42);
      System.out.printf(
          Locale.ROOT,
          "%n### %s (%d host-days; floor: timeout %.3f s after the last heartbeat)%n%n",
          s.name(),
          hostDays,
          floor / 1e9);
      System.out.println(
          "| detector | detection mean s | p99 s | max s | false suspicions / host-day |");
      System.out.println("|---|---|---|---|---|");
      for (Result r : results) {
        System.out.printf(
            Locale.ROOT,
            "| %s | %.3f | %.3f | %.3f | %s |%n",
            r.detector(),
            r.meanS(),
            r.p99S(),
            r.maxS(),
            r.falsePerHostDay() == 0
                ? "0"
                : String.format(Locale.ROOT, "%.3g", r.falsePerHostDay()));
      }
    }
  }

  /** The detectors compared, fresh for one host; the last is the floor. */
  static List<Detector> detectors(Setting s) {
    long iv = s.interval();
    return List.of(
        Detector.phi(iv, true),
        Detector.phi(iv, false),
        Detector.missCount(iv, 2),
        Detector.missCount(iv, 1),
        Detector.fixed("fixed 3-interval timeout", 3 * iv),
        Comparators.akka(iv),
        Comparators.cassandra(iv),
        Detector.fixed("floor (k intervals + jitter quantile)", floor(s)));
  }

  /** Replays {@code hosts} traces of {@code days} days each. */
  static List<Result> run(Setting s, int hosts, int days, long seed) {
    int n = detectors(s).size();
    long[] falses = new long[n];
    List<List<Double>> times = new ArrayList<>();
    String[] names = new String[n];
    for (int d = 0; d < n; d++) {
      times.add(new ArrayList<>());
    }
    long beats = days * DAY / s.interval();
    long trialEvery = Math.max(1, beats / (TRIALS_PER_DAY * (long) days));
    Random crash = new Random(seed * 31 + 7);
    for (int h = 0; h < hosts; h++) {
      List<Detector> ds = detectors(s);
      for (int d = 0; d < n; d++) {
        names[d] = ds.get(d).name();
      }
      Trace t = new Trace(s, seed * 1_000_003L + h);
      boolean started = false;
      for (long i = 0; i < beats; i++) {
        t.next();
        if (t.arrival >= 0) {
          for (int d = 0; d < n; d++) {
            Detector det = ds.get(d);
            if (started && t.arrival > det.deadline()) {
              falses[d]++;
            }
            det.heartbeat(t.arrival);
          }
          started = true;
        }
        if (started && i % trialEvery == trialEvery - 1 && i > beats / 20) {
          long at = t.send + (long) (crash.nextDouble() * s.interval());
          for (int d = 0; d < n; d++) {
            times.get(d).add(Math.max(0, ds.get(d).deadline() - at) / 1e9);
          }
        }
      }
    }
    List<Result> out = new ArrayList<>();
    double hostDays = hosts * (double) days;
    for (int d = 0; d < n; d++) {
      double[] x = times.get(d).stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(x);
      double mean = Arrays.stream(x).average().orElse(Double.NaN);
      double p99 =
          x.length == 0
              ? Double.NaN
              : x[(int) Math.min(x.length - 1, Math.ceil(0.99 * x.length) - 1)];
      double max = x.length == 0 ? Double.NaN : x[x.length - 1];
      out.add(new Result(names[d], mean, p99, max, falses[d] / hostDays, x.length));
    }
    return out;
  }

  /**
   * The shortest fixed timeout after the last heartbeat that keeps false suspicions under {@link
   * #BUDGET} per host-day for what the setting is known to do: tolerate {@code L} consecutive
   * losses where a run of {@code L+1} is rarer than the budget, tolerate a pause when pauses are
   * more frequent than the budget, plus the quantile of the difference of two delays at the
   * per-heartbeat budget.
   */
  static long floor(Setting s) {
    double iv = s.interval();
    double perDay = DAY / iv;
    double alpha = BUDGET / perDay;
    int losses = 0;
    if (s.loss() > 0) {
      double start = s.bursty() ? s.loss() / (1 - s.loss()) / Setting.MEAN_BURST : s.loss();
      double more = s.bursty() ? 1 - 1 / Setting.MEAN_BURST : s.loss();
      while (perDay * start * Math.pow(more, losses) > BUDGET) {
        losses++;
      }
    }
    double base = (1 + losses) * iv;
    if (s.pauseMs() > 0 && Setting.PAUSES_PER_DAY > BUDGET) {
      base = Math.max(base, iv + s.pauseMs() * 1e6);
    }
    return (long) (base + upperQuantile(alpha) * Math.sqrt(2) * s.jitterMs() * 1e6);
  }

  /** The standard normal {@code z} with {@code P(Z > z) = alpha}. */
  static double upperQuantile(double alpha) {
    double lo = 0;
    double hi = 40;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (0.5 * erfc(mid / Math.sqrt(2)) > alpha) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  private static double erfc(double x) {
    double t = 1 / (1 + 0.5 * x);
    double[] c = {
      -1.26551223,
      1.00002368,
      0.37409196,
      0.09678418,
      -0.18628806,
      0.27886807,
      -1.13520398,
      1.48851587,
      -0.82215223,
      0.17087277
    };
    double poly = 0;
    for (int i = c.length - 1; i >= 0; i--) {
      poly = poly * t + c[i];
    }
    return t * Math.exp(poly - x * x);
  }
}
