package org.relaxha.sim;

import java.util.Arrays;
import java.util.Collection;

/**
 * Summary statistics of a sample of times in seconds: count, mean, standard deviation (of the
 * sample, n - 1), min, max and percentiles (nearest rank).
 *
 * <p>Immutable and thread-safe.
 */
public record Stats(
    int n, double mean, double sd, double min, double p50, double p90, double p99, double max) {

  /** The statistics of {@code values}; all NaN (and n 0) for an empty sample. */
  public static Stats of(Collection<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (v.length == 0) {
      return new Stats(
          0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = Arrays.stream(v).average().orElseThrow();
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    double sd = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0;
    return new Stats(
        v.length, mean, sd, v[0], rank(v, 50), rank(v, 90), rank(v, 99), v[v.length - 1]);
  }

  /** The nearest-rank percentile of sorted values. */
  private static double rank(double[] sorted, double percent) {
    int r = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, r - 1))];
  }
}
