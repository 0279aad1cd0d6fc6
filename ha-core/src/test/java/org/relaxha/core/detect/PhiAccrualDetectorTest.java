package org.relaxha.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhiAccrualDetectorTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void normalTailMatchesKnownValues() {
    assertThat(Normal.phi(0)).isCloseTo(Math.log10(2), within(1e-6));
    // Q(1.96) = 0.025, Q(5.612) ~ 1e-8, Q(10) = 7.62e-24
    assertThat(Normal.phi(1.959964)).isCloseTo(-Math.log10(0.025), within(1e-5));
    assertThat(Normal.quantileOfPhi(8)).isCloseTo(5.612, within(1e-3));
    assertThat(Normal.phi(10)).isCloseTo(-Math.log10(7.619853e-24), within(1e-4));
    assertThat(Normal.phi(-3)).isCloseTo(-Math.log10(1 - 1.349898e-3), within(1e-7));
    assertThat(Normal.phi(40)).isFinite().isGreaterThan(300);
  }

  @Test
  void deadlinesAreWherePhiCrossesItsThresholds() {
    PhiAccrualDetector d =
        new PhiAccrualDetector(PhiAccrual.ofDefaults(), Duration.ofSeconds(1), 1);
    Random r = new Random(7);
    long t = 0;
    for (int i = 0; i < 5000; i++) {
      t += SECOND + (long) (r.nextGaussian() * 20e6);
      d.heartbeat(0, t);
    }
    assertThat(d.mean(0)).isCloseTo(1e9, within(2e6));
    assertThat(d.standardDeviation(0)).isCloseTo(20e6, within(3e6));
    long suspect = d.suspectAt(0);
    long down = d.downAt(0);
    assertThat(d.phi(0, suspect - 1_000)).isLessThan(8);
    assertThat(d.phi(0, suspect + 1_000)).isGreaterThanOrEqualTo(8);
    int losses = d.toleratedLosses(0);
    assertThat(d.phi(0, down - 1_000, losses)).isLessThan(8);
    assertThat(d.phi(0, down + 1_000, losses)).isGreaterThanOrEqualTo(8);
    assertThat(suspect - t).isBetween(SECOND, SECOND + 150_000_000L);
    assertThat(down - t).isBetween((1 + losses) * SECOND, (1 + losses) * SECOND + 200_000_000L);
  }

  @Test
  void perfectlyRegularHeartbeatsGetTheFlooredDeviation() {
    PhiAccrualDetector d =
        new PhiAccrualDetector(PhiAccrual.ofDefaults(), Duration.ofSeconds(2), 1);
    long t = 0;
    for (int i = 0; i < 600; i++) {
      t += SECOND;
      d.heartbeat(0, t);
    }
    // The window holds 200 equal intervals: the variance is 0, so sigma is the 1% floor.
    assertThat(d.mean(0)).isEqualTo(1e9);
    assertThat(d.standardDeviation(0)).isEqualTo(0.01 * 1e9);
    double zDown = Normal.quantileOfPhi(PhiAccrual.ofDefaults().downPhi());
    int losses = d.toleratedLosses(0);
    assertThat(d.downAt(0)).isEqualTo(t + (long) ((1 + losses) * 1e9 + zDown * 0.01 * 1e9));
  }

  @Test
  void runningMeanAndDeviationEqualTheWindowRecomputed() {
    int window = 50;
    PhiAccrual settings = new PhiAccrual(window, 8, 8, 0, 1, 6, 1e-3);
    PhiAccrualDetector d = new PhiAccrualDetector(settings, Duration.ofSeconds(1), 1);
    Random r = new Random(11);
    java.util.ArrayDeque<Long> kept = new java.util.ArrayDeque<>();
    long t = 0;
    // 37 passes over the window (running sums refreshed every 8), one interval in 20 lossy.
    for (int i = 0; i < 37 * window + 13; i++) {
      boolean lost = r.nextInt(20) == 0;
      long interval = (lost ? 2 * SECOND : SECOND) + (long) (r.nextGaussian() * 5e6);
      t += interval;
      d.heartbeat(0, t);
      kept.addLast(lost ? -1 : interval);
      if (kept.size() > window) {
        kept.removeFirst();
      }
      if (i >= window) {
        double[] clean = kept.stream().filter(x -> x > 0).mapToDouble(x -> x).toArray();
        double mean = java.util.Arrays.stream(clean).average().orElseThrow();
        double var = java.util.Arrays.stream(clean).map(x -> (x - mean) * (x - mean)).sum();
        assertThat(d.mean(0)).isCloseTo(mean, within(1e-3));
        assertThat(d.standardDeviation(0))
            .isCloseTo(Math.sqrt(var / clean.length), within(0.01 * 5e6));
      }
    }
  }

  @Test
  void aLossIsCountedAsALossNotAsJitter() {
    PhiAccrualDetector d =
        new PhiAccrualDetector(PhiAccrual.ofDefaults(), Duration.ofSeconds(1), 1);
    long t = 0;
    for (int i = 1; i <= 3000; i++) {
      t += i % 100 == 0 ? 2 * SECOND : SECOND;
      d.heartbeat(0, t);
    }
    assertThat(d.standardDeviation(0)).isLessThan(0.02 * SECOND);
    // One loss in a hundred: DOWN waits for more consecutive losses than on a clean link.
    assertThat(d.toleratedLosses(0)).isGreaterThanOrEqualTo(2);
    PhiAccrualDetector clean =
        new PhiAccrualDetector(PhiAccrual.ofDefaults(), Duration.ofSeconds(1), 1);
    long u = 0;
    for (int i = 1; i <= 200_000; i++) {
      u += SECOND;
      clean.heartbeat(0, u);
    }
    assertThat(clean.toleratedLosses(0)).isEqualTo(1);
  }

  @Test
  void fixedLossToleranceAndSweep() {
    PhiAccrualDetector d =
        new PhiAccrualDetector(PhiAccrual.ofDefaults().withLosses(2), Duration.ofSeconds(1), 3);
    for (int s = 0; s < 3; s++) {
      for (long t = SECOND; t <= 100 * SECOND; t += SECOND) {
        d.heartbeat(s, t + s);
      }
    }
    d.heartbeat(1, 101 * SECOND);
    int[] out = new int[3];
    assertThat(d.sweep(102 * SECOND, out)).isZero();
    assertThat(d.toleratedLosses(0)).isEqualTo(2);
    int n = d.sweep(103 * SECOND + SECOND / 2, out);
    assertThat(n).isEqualTo(2);
    assertThat(out[0]).isZero();
    assertThat(out[1]).isEqualTo(2);
  }

  @Test
  void staleAndDuplicateHeartbeatsAreIgnoredAndRebaseRestartsSilence() {
    PhiAccrualDetector d =
        new PhiAccrualDetector(PhiAccrual.ofDefaults(), Duration.ofSeconds(1), 1);
    d.heartbeat(0, 5 * SECOND);
    d.heartbeat(0, 6 * SECOND);
    long down = d.downAt(0);
    d.heartbeat(0, 6 * SECOND);
    d.heartbeat(0, 3 * SECOND);
    assertThat(d.downAt(0)).isEqualTo(down);
    d.rebase(0, 60 * SECOND);
    assertThat(d.lastHeartbeat(0)).isEqualTo(60 * SECOND);
    assertThat(d.downAt(0)).isGreaterThan(60 * SECOND);
  }
}
