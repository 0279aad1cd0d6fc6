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
 * <p><b>Deadlines.</b> Phi only grows while no heartbeat arrives, so each heartbeat computes the
 * two instants at which it will reach its thresholds: {@code t_last + mu + z(suspectPhi) sigma} and
 * {@code t_last + (1+L) mu + z(downPhi) sigma}, {@code z} being the normal quantile of the
 * threshold. A sweep is then one comparison per subject ({@link #sweep}).
 *
 * <p><b>Cost.</b> Every array is allocated by the constructor: {@link #heartbeat} allocates nothing
 * and costs a few dozen arithmetic operations.
 *
 * <p>Not thread-safe.
 */
public final class PhiAccrualDetector {
  private static final double DAY_NANOS = 86_400e9;
  private static final double FORGET_AFTER = 1 << 20;
  private static final int LOSS_REVIEW = 256;

  private final PhiAccrual settings;
  private final int n;
  private final int window;
  private final double firstInterval;
  private final double zSuspect;
  private final double zDown;

  private final long[] ring;
  private final byte[] lossesInSample;
  private final int[] head;
  private final int[] filled;
  private final int[] clean;
  private final int[] sinceRefresh;
  private final double[] sum;
  private final double[] sumSq;
  private final double[] mean;
  private final double[] std;
  private final boolean[] seen;
  private final long[] last;
  private final long[] suspectAt;
  private final long[] downAt;
  private final double[] intervals;
  private final double[] lossy;
  private final double[] bursty;
  private final int[] sinceReview;
  private final int[] tolerated;

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
    this.ring = new long[n * window];
    this.lossesInSample = new byte[n * window];
    this.head = new int[n];
    this.filled = new int[n];
    this.clean = new int[n];
    this.sinceRefresh = new int[n];
    this.sum = new double[n];
    this.sumSq = new double[n];
    this.mean = new double[n];
    this.std = new double[n];
    this.seen = new boolean[n];
    this.last = new long[n];
    this.suspectAt = new long[n];
    this.downAt = new long[n];
    this.intervals = new double[n];
    this.lossy = new double[n];
    this.bursty = new double[n];
    this.sinceReview = new int[n];
    this.tolerated = new int[n];
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
    Arrays.fill(lossesInSample, base, base + window, (byte) 0);
    head[s] = 0;
    filled[s] = 0;
    clean[s] = 0;
    sum[s] = 0;
    sumSq[s] = 0;
    sinceRefresh[s] = 0;
    intervals[s] = 0;
    lossy[s] = 0;
    bursty[s] = 0;
    sinceReview[s] = 0;
    seen[s] = false;
    last[s] = nanos;
    record(s, Math.round(firstInterval * 0.75), 0);
    record(s, Math.round(firstInterval * 1.25), 0);
    reviewLosses(s);
    deadlines(s);
  }

  /** Counts subject {@code s}'s silence from {@code nanos} if that is later (no sample taken). */
  public void rebase(int s, long nanos) {
    if (nanos > last[s]) {
      last[s] = nanos;
      seen[s] = false;
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
    if (!seen[s]) {
      seen[s] = true;
      deadlines(s);
      return;
    }
    double mu = mean[s];
    long periods = (long) ((interval + mu / 2) / mu);
    int losses = (int) Math.min(100, Math.max(0, periods - 1));
    record(s, interval, losses);
    intervals[s] += 1;
    if (losses > 0) {
      lossy[s] += 1;
      if (losses > 1) {
        bursty[s] += 1;
      }
    }
    if (intervals[s] >= FORGET_AFTER) {
      intervals[s] *= 0.5;
      lossy[s] *= 0.5;
      bursty[s] *= 0.5;
    }
    if (losses > 0 || ++sinceReview[s] >= LOSS_REVIEW) {
      reviewLosses(s);
    }
    deadlines(s);
  }

  private void record(int s, long interval, int losses) {
    int at = s * window + head[s];
    if (filled[s] == window) {
      if (lossesInSample[at] == 0) {
        double old = ring[at];
        sum[s] -= old;
        sumSq[s] -= old * old;
        clean[s]--;
      }
    } else {
      filled[s]++;
    }
    ring[at] = interval;
    lossesInSample[at] = (byte) losses;
    if (losses == 0) {
      double x = interval;
      sum[s] += x;
      sumSq[s] += x * x;
      clean[s]++;
    }
    head[s] = head[s] + 1 == window ? 0 : head[s] + 1;
    if (++sinceRefresh[s] >= window) {
      refreshSums(s);
    }
  }

  /** Recomputes the running sums from the window, so rounding never accumulates. */
  private void refreshSums(int s) {
    int base = s * window;
    double sx = 0;
    double sxx = 0;
    for (int i = 0; i < filled[s]; i++) {
      if (lossesInSample[base + i] == 0) {
        double x = ring[base + i];
        sx += x;
        sxx += x * x;
      }
    }
    sum[s] = sx;
    sumSq[s] = sxx;
    sinceRefresh[s] = 0;
  }

  private void reviewLosses(int s) {
    sinceReview[s] = 0;
    double mu = clean[s] > 0 ? sum[s] / clean[s] : firstInterval;
    double perDay = DAY_NANOS / mu;
    double p = (lossy[s] + 0.5) / (intervals[s] + 1);
    double q = (bursty[s] + 2 * p) / (lossy[s] + 2);
    double allowed = settings.falseDownsPerDay() / (perDay * p);
    int l;
    if (allowed >= 1) {
      l = 0;
    } else if (q >= 1) {
      l = settings.maxLosses();
    } else {
      l = (int) Math.min(settings.maxLosses(), Math.ceil(Math.log(allowed) / Math.log(q)));
    }
    tolerated[s] = Math.max(settings.minLosses(), Math.min(settings.maxLosses(), l));
  }

  private void deadlines(int s) {
    int c = clean[s];
    if (c > 0) {
      double mu = sum[s] / c;
      double var = sumSq[s] / c - mu * mu;
      mean[s] = mu;
      std[s] = Math.max(Math.sqrt(Math.max(var, 0)), settings.minStdFraction() * mu);
    }
    double mu = mean[s];
    double sigma = std[s];
    suspectAt[s] = last[s] + (long) (mu + zSuspect * sigma);
    downAt[s] = last[s] + (long) ((1 + tolerated[s]) * mu + zDown * sigma);
  }

  /** When subject {@code s} becomes SUSPECT if no heartbeat arrives. */
  public long suspectAt(int s) {
    return suspectAt[s];
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
    return mean[s];
  }

  /** The standard deviation used for subject {@code s} (floored), in nanoseconds. */
  public double standardDeviation(int s) {
    return std[s];
  }

  /** How many consecutive lost heartbeats subject {@code s} is allowed before DOWN. */
  public int toleratedLosses(int s) {
    return tolerated[s];
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
    double elapsed = now - last[s];
    return Normal.phi((elapsed - (1 + losses) * mean[s]) / std[s]);
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
