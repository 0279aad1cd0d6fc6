package org.relaxha.benchmarks.harness;

/**
 * The phi accrual detectors of Akka and Cassandra, re-implemented from their published source for
 * the comparison, at their default settings scaled to the heartbeat interval.
 */
final class Comparators {
  private Comparators() {}

  /**
   * Akka's {@code PhiAccrualFailureDetector}: normal approximated by a logistic ({@code e = exp(-y
   * (1.5976 + 0.070566 y^2))}), mean plus an acceptable pause, a floor on the deviation, threshold
   * 8, 1000 samples, seeded from a first estimate; an interval is recorded only if the detector
   * still thought the sender available when it arrived. Cluster defaults at a 1 s interval: pause 3
   * s, min deviation 100 ms.
   */
  static Detector akka(long interval) {
    double pause = 3.0 * interval;
    double minStd = 0.1 * interval;
    double y = logisticQuantile(8);
    return new Windowed("phi, Akka-like (8, pause 3 intervals)", 1000, interval) {
      {
        add(interval - interval / 4.0);
        add(interval + interval / 4.0);
      }

      @Override
      boolean record(long gap, long t) {
        return t < deadline();
      }

      @Override
      public long deadline() {
        return last + (long) (mean() + pause + y * Math.max(std(), minStd));
      }

      @Override
      public long bound(long iv) {
        return (long) (iv + pause + y * Math.max(iv / 4.0, minStd));
      }
    };
  }

  /**
   * Cassandra's {@code FailureDetector}: exponential inter-arrival model, {@code phi = t / mean *
   * (1 / ln 10)}, convicts above 8 (so after {@code 18.4 * mean}), 1000 samples seeded with a 2 s
   * (two intervals) initial value, intervals above that value not recorded.
   */
  static Detector cassandra(long interval) {
    double factor = 8 * Math.log(10);
    long max = 2 * interval;
    return new Windowed("phi, Cassandra-like (8)", 1000, interval) {
      {
        add(max);
      }

      @Override
      boolean record(long gap, long t) {
        return gap <= max;
      }

      @Override
      public long deadline() {
        return last + (long) (factor * mean());
      }

      @Override
      public long bound(long iv) {
        return (long) (factor * max);
      }
    };
  }

  /** The y where Akka's logistic phi reaches {@code threshold}. */
  static double logisticQuantile(double threshold) {
    double lo = 0;
    double hi = 100;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      double e = Math.exp(-mid * (1.5976 + 0.070566 * mid * mid));
      double phi = -Math.log10(e / (1 + e));
      if (phi < threshold) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  /** A sliding window of intervals with running sums. */
  abstract static class Windowed implements Detector {
    private final String name;
    private final double[] ring;
    private int head;
    private int filled;
    private double sum;
    private double sumSq;
    long last;
    private boolean seen;

    Windowed(String name, int size, long interval) {
      this.name = name;
      this.ring = new double[size];
    }

    abstract boolean record(long gap, long t);

    final void add(double x) {
      if (filled == ring.length) {
        sum -= ring[head];
        sumSq -= ring[head] * ring[head];
      } else {
        filled++;
      }
      ring[head] = x;
      sum += x;
      sumSq += x * x;
      head = (head + 1) % ring.length;
    }

    double mean() {
      return sum / filled;
    }

    double std() {
      double m = mean();
      return Math.sqrt(Math.max(0, sumSq / filled - m * m));
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void heartbeat(long t) {
      if (seen && record(t - last, t)) {
        add(t - last);
      }
      seen = true;
      last = t;
    }
  }
}
