package org.relaxha.core.detect;

import java.time.Duration;
import java.util.Arrays;
import org.relaxha.spi.Require;

/**
 * The phi accrual failure detector of Hayashibara, Défago, Yared and Katayama (2004) for a fixed
 * set of subjects (slots {@code 0..n-1}) that send heartbeats, with time as {@code long}
 * nanoseconds on any fixed origin.
 *
 * <p><b>The paper's rule.</b> For each subject a sliding window of inter-arrival times gives their
 * mean {@code mu} and standard deviation {@code sigma}; with {@code P_later(t)} the probability
 * that a normal {@code N(mu, sigma)} exceeds {@code t}, the suspicion level {@code t_now - t_last}
 * after the last heartbeat is {@code phi = -log10 P_later(t_now - t_last)}. The subject is SUSPECT
 * once phi reaches {@link PhiAccrual#suspectPhi()}.
 *
 * <p><b>Losses.</b> A lost heartbeat makes one interval about twice as long: counted in the window,
 * it would blow up {@code sigma}. An interval spanning {@code k+1} periods is therefore recorded as
 * {@code k} losses, not as a sample of the jitter. The subject is DOWN once phi of the heartbeat
 * after {@code L} losses reaches {@link PhiAccrual#downPhi()}, where {@code L} is the fewest losses
 * (within the settings' bounds) that keep false DOWN verdicts under the budget for the losses
 * observed so far: with {@code p} the share of intervals with a loss and {@code q} the chance that
 * a loss is followed by another (both estimated with a prior of independent losses, and slowly
 * forgotten), {@code heartbeatsPerDay * p * q^L <= budget}.
 *
 * <p><b>Deadlines.</b> Phi only grows while no heartbeat arrives, so the instants at which it
 * reaches its thresholds are known at each heartbeat: {@code t_last + mu + z(suspectPhi) sigma} and
 * {@code t_last + (1+L) mu + z(downPhi) sigma}, {@code z} being the normal quantile of the
 * threshold. Each heartbeat stores the DOWN deadline, so a sweep is one comparison per subject
 * ({@link #sweep}); the SUSPECT one is a multiply-add away when asked ({@link #suspectAt}).
 *
 * <p><b>Cost.</b> Every array is allocated by the constructor: {@link #heartbeat} allocates nothing
 * and costs a few dozen arithmetic operations (one square root; a division only for an interval
 * that lost heartbeats). A subject's numbers sit side by side in two small blocks, its last
 * heartbeat and DOWN deadline in dense arrays (the sweep reads only the deadlines), and each window
 * entry packs the interval with its loss count, so a heartbeat touches about five cache lines. An
 * interval longer than 2^56 ns (about 2.3 years) is recorded as that.
 *
 * <p>Not thread-safe.
 */
public final class PhiAccrualDetector {
  private static final double DAY_NANOS = 86_400e9;
  private static final double FORGET_AFTER = 1 << 20;
  private static final int LOSS_REVIEW = 256;

  /**
   * The running sums are recomputed from the window every this many passes over it (a pass is
   * {@code window} heartbeats). Each update rounds {@code SUM_SQ}, about {@code window * mu^2}, by
   * at most {@code 2^-53} of it, so after 8 passes the variance is off by at most {@code 8 * window
   * * 2^-53 * mu^2}: for windows up to 1000, under {@code 10^-8} of the smallest variance the
   * default floor ({@link PhiAccrual#minStdFraction()} 1%) allows.
   */
  private static final int REFRESH_AFTER_WRAPS = 8;

  /** A ring entry: the interval in the low 56 bits, its losses in the high 8. */
  private static final int LOSS_SHIFT = 56;

  private static final long INTERVAL_MASK = (1L << LOSS_SHIFT) - 1;

  // Per-subject numbers, side by side so that a heartbeat touches few cache lines.
  private static final int SUM = 0;
  private static final int SUM_SQ = 1;
  private static final int MEAN = 2;
  private static final int STD = 3;
  private static final int INTERVALS = 4;
  private static final int LOSSY = 5;
  private static final int BURSTY = 6;
  private static final int STATS = 8;

  private static final int HEAD = 0;
  private static final int CLEAN = 1;
  private static final int WRAPS_SINCE_REFRESH = 2;
  private static final int SINCE_REVIEW = 3;
  private static final int TOLERATED = 4;
  private static final int SEEN = 5;
  private static final int COUNTERS = 8;

  private final PhiAccrual settings;
  private final int n;
  private final int window;
  private final double firstInterval;
  private final double zSuspect;
  private final double zDown;
  private final double minStdFraction;

  /** Each subject's window: {@code window} packed entries from {@code s * window}. */
  private final long[] ring;

  private final double[] stats;
  private final int[] counters;

  /** Each subject's last heartbeat (or start). */
  private final long[] last;

  /** Kept apart, densely, for {@link #sweep}. */
  private final long[] downAt;

  /** {@code 1.0 / c} for every count {@code c} of clean samples a window can hold. */
  private final double[] reciprocal;

  /**
   * A detector for {@code subjects} subjects, each started at time 0.
   *
   * @param firstInterval the expected heartbeat interval, used until real intervals are known
   */
  public PhiAccrualDetector(PhiAccrual settings, Duration firstInterval, int subjects) {
    this.settings = Require.nonNull(settings, "settings");
    Require.positive(firstInterval, "firstInterval");
    this.n = Require.atLeast(subjects, 0, "subjects");
    this.window = settings.window();
    this.firstInterval = firstInterval.toNanos();
    this.zSuspect = Normal.quantileOfPhi(settings.suspectPhi());
    this.zDown = Normal.quantileOfPhi(settings.downPhi());
    this.minStdFraction = settings.minStdFraction();
    this.ring = new long[n * window];
    this.stats = new double[n * STATS];
    this.counters = new int[n * COUNTERS];
    this.last = new long[n];
    this.downAt = new long[n];
    this.reciprocal = new double[window + 1];
    for (int c = 1; c <= window; c++) {
      reciprocal[c] = 1.0 / c;
    }
    for (int s = 0; s < n; s++) {
      start(s, 0);
    }
  }

  /** The settings. */
  public PhiAccrual settings() {
    return settings;
  }

  /** How many subjects. */
  public int subjects() {
    return n;
  }

  /**
   * Forgets everything about subject {@code s}: its window restarts from the expected interval (as
   * two samples a quarter of it apart), and its silence counts from {@code nanos}.
   */
  public void start(int s, long nanos) {
    int base = s * window;
    Arrays.fill(ring, base, base + window, 0L);
    Arrays.fill(stats, s * STATS, (s + 1) * STATS, 0.0);
    Arrays.fill(counters, s * COUNTERS, (s + 1) * COUNTERS, 0);
    last[s] = nanos;
    record(s, Math.round(firstInterval * 0.75), 0);
    record(s, Math.round(firstInterval * 1.25), 0);
    upkeep(s, false, 0, true);
    deadlines(s);
  }

  /** Counts subject {@code s}'s silence from {@code nanos} if that is later (no sample taken). */
  public void rebase(int s, long nanos) {
    if (nanos > last[s]) {
      last[s] = nanos;
      counters[s * COUNTERS + SEEN] = 0;
      deadlines(s);
    }
  }

  /**
   * A heartbeat from subject {@code s} at {@code nanos}. One no later than the last is ignored; the
   * first after {@link #start} or {@link #rebase} only restarts the silence.
   */
  public void heartbeat(int s, long nanos) {
    long interval = nanos - last[s];
    if (interval <= 0) {
      return;
    }
    last[s] = nanos;
    int seen = s * COUNTERS + SEEN;
    if (counters[seen] == 0) {
      counters[seen] = 1;
    } else {
      sample(s, interval);
    }
    deadlines(s);
  }

  /**
   * Takes {@code interval} into subject {@code s}'s window and loss counts. Apart from {@link
   * #heartbeat}, which then computes the deadlines once for both of its cases: that keeps the
   * heartbeat's compiled code small enough for the JIT to inline it into a caller's loop (a call
   * per heartbeat cost about 8 ns of its 20 in D1).
   */
  private void sample(int s, long interval) {
    int at = s * STATS;
    double[] st = stats;
    int losses = lossesIn(interval, st[at + MEAN]);
    boolean refresh = record(s, interval, losses);
    double seenIntervals = st[at + INTERVALS] + 1;
    st[at + INTERVALS] = seenIntervals;
    boolean review = losses > 0 || ++counters[s * COUNTERS + SINCE_REVIEW] >= LOSS_REVIEW;
    if (refresh || review || seenIntervals >= FORGET_AFTER) {
      upkeep(s, refresh, losses, review);
    }
  }

  /**
   * How many heartbeats an interval of {@code interval} lost: its periods of {@code mu}, less one.
   */
  private static int lossesIn(long interval, double mu) {
    if (interval < 1.5 * mu) {
      return 0;
    }
    long periods = (long) ((interval + mu / 2) / mu);
    return (int) Math.min(100, Math.max(0, periods - 1));
  }

  /**
   * Writes {@code interval} into subject {@code s}'s ring and running sums; true when the sums are
   * due to be recomputed from the window.
   */
  private boolean record(int s, long interval, int losses) {
    int c = s * COUNTERS;
    int at = s * STATS;
    int[] k = counters;
    double[] st = stats;
    int head = k[c + HEAD];
    int slot = s * window + head;
    long kept = Math.min(interval, INTERVAL_MASK);
    long old = ring[slot];
    ring[slot] = kept | ((long) losses << LOSS_SHIFT);
    // A slot never written holds 0 and drops nothing: a recorded interval is at least 1 ns.
    double added = losses == 0 ? kept : 0;
    double dropped = old >>> LOSS_SHIFT == 0 ? old : 0;
    st[at + SUM] += added - dropped;
    st[at + SUM_SQ] += (added - dropped) * (added + dropped);
    k[c + CLEAN] += (losses == 0 ? 1 : 0) - (dropped != 0 ? 1 : 0);
    if (++head < window) {
      k[c + HEAD] = head;
      return false;
    }
    k[c + HEAD] = 0;
    return ++k[c + WRAPS_SINCE_REFRESH] >= REFRESH_AFTER_WRAPS;
  }

  /**
   * The rare work of a heartbeat of subject {@code s}, out of its way: counts an interval with
   * {@code losses} (slowly forgetting the counts once {@link #FORGET_AFTER} intervals were seen),
   * recomputes the running sums from the window ({@code refresh}, every {@link
   * #REFRESH_AFTER_WRAPS} passes, so rounding does not accumulate) and reviews how many losses the
   * subject is allowed ({@code review}, after a loss and every {@link #LOSS_REVIEW} heartbeats).
   * One method on purpose: its size keeps the JIT from inlining it into {@link #heartbeat}, whose
   * compiled code then stays small enough to be inlined into a caller's loop (measured: a heartbeat
   * that is called, not inlined, costs about 8 ns more).
   */
  private void upkeep(int s, boolean refresh, int losses, boolean review) {
    int c = s * COUNTERS;
    int at = s * STATS;
    double[] st = stats;
    if (losses > 0) {
      st[at + LOSSY] += 1;
      if (losses > 1) {
        st[at + BURSTY] += 1;
      }
    }
    if (st[at + INTERVALS] >= FORGET_AFTER) {
      st[at + INTERVALS] *= 0.5;
      st[at + LOSSY] *= 0.5;
      st[at + BURSTY] *= 0.5;
    }
    if (refresh) {
      int base = s * window;
      double sx = 0;
      double sxx = 0;
      for (int i = base; i < base + window; i++) {
        long e = ring[i];
        if (e >>> LOSS_SHIFT == 0) {
          double x = e;
          sx += x;
          sxx += x * x;
        }
      }
      st[at + SUM] = sx;
      st[at + SUM_SQ] = sxx;
      counters[c + WRAPS_SINCE_REFRESH] = 0;
    }
    if (review) {
      counters[c + SINCE_REVIEW] = 0;
      int clean = counters[c + CLEAN];
      double mu = clean > 0 ? st[at + SUM] / clean : firstInterval;
      double perDay = DAY_NANOS / mu;
      double intervals = st[at + INTERVALS];
      double lossy = st[at + LOSSY];
      double p = (lossy + 0.5) / (intervals + 1);
      double q = (st[at + BURSTY] + 2 * p) / (lossy + 2);
      double allowed = settings.falseDownsPerDay() / (perDay * p);
      int l;
      if (allowed >= 1) {
        l = 0;
      } else if (q >= 1) {
        l = settings.maxLosses();
      } else {
        l = (int) Math.min(settings.maxLosses(), Math.ceil(Math.log(allowed) / Math.log(q)));
      }
      counters[c + TOLERATED] = Math.max(settings.minLosses(), Math.min(settings.maxLosses(), l));
    }
  }

  private void deadlines(int s) {
    int at = s * STATS;
    int c = s * COUNTERS;
    double[] st = stats;
    int clean = counters[c + CLEAN];
    double mu;
    double sigma;
    if (clean > 0) {
      double inv = reciprocal[clean];
      mu = st[at + SUM] * inv;
      double var = st[at + SUM_SQ] * inv - mu * mu;
      sigma = atLeast(Math.sqrt(atLeast(var, 0)), minStdFraction * mu);
      st[at + MEAN] = mu;
      st[at + STD] = sigma;
    } else {
      mu = st[at + MEAN];
      sigma = st[at + STD];
    }
    downAt[s] = last[s] + (long) ((1 + counters[c + TOLERATED]) * mu + zDown * sigma);
  }

  /**
   * {@code x}, or {@code floor} if {@code x} is smaller, for numbers that are never NaN. Not {@link
   * Math#max(double, double)}: its intrinsic also orders NaN and the two zeros, a blend sequence on
   * every heartbeat's dependency chain (about a fifth of {@link #heartbeat}'s time, measured).
   */
  private static double atLeast(double x, double floor) {
    return x > floor ? x : floor;
  }

  /** When subject {@code s} becomes SUSPECT if no heartbeat arrives. */
  public long suspectAt(int s) {
    return last[s] + (long) (stats[s * STATS + MEAN] + zSuspect * stats[s * STATS + STD]);
  }

  /** When subject {@code s} becomes DOWN if no heartbeat arrives. */
  public long downAt(int s) {
    return downAt[s];
  }

  /** The last heartbeat (or start) of subject {@code s}. */
  public long lastHeartbeat(int s) {
    return last[s];
  }

  /** The mean inter-arrival time of subject {@code s}, in nanoseconds. */
  public double mean(int s) {
    return stats[s * STATS + MEAN];
  }

  /** The standard deviation used for subject {@code s} (floored), in nanoseconds. */
  public double standardDeviation(int s) {
    return stats[s * STATS + STD];
  }

  /** How many consecutive lost heartbeats subject {@code s} is allowed before DOWN. */
  public int toleratedLosses(int s) {
    return counters[s * COUNTERS + TOLERATED];
  }

  /** The paper's phi of subject {@code s} at {@code now}: for the next heartbeat. */
  public double phi(int s, long now) {
    return phi(s, now, 0);
  }

  /**
   * Phi at {@code now} for the heartbeat after {@code losses} lost ones: {@code -log10} of the
   * probability that it arrives later than now. Computed from scratch (a logarithm and an
   * exponential); the deadlines make it unnecessary for judging.
   */
  public double phi(int s, long now, int losses) {
    double elapsed = now - lastHeartbeat(s);
    return Normal.phi((elapsed - (1 + losses) * mean(s)) / standardDeviation(s));
  }

  /**
   * Writes into {@code out} (from index 0) every subject whose DOWN deadline is at or before {@code
   * now}, in slot order; returns how many. {@code out} must hold {@link #subjects()}.
   */
  public int sweep(long now, int[] out) {
    int k = 0;
    long[] d = downAt;
    for (int s = 0; s < d.length; s++) {
      if (d[s] <= now) {
        out[k++] = s;
      }
    }
    return k;
  }
}
