package org.relaxha.benchmarks.detect;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.relaxha.core.detect.PhiAccrual;
import org.relaxha.core.detect.PhiAccrualDetector;

/**
 * A sweep over 10^4 subjects (D2), 1% of them silent past their DOWN deadline. {@code deadline}:
 * {@link PhiAccrualDetector#sweep}, one comparison per subject; baseline {@code phi}: recompute
 * each subject's phi at the sweep instant from its mean and deviation and compare it with the
 * threshold (what a detector without deadlines does on every check). Time per sweep. The gate
 * checks that both find the same subjects.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(3)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class D2Sweep {
  static final int SUBJECTS = 10_000;

  @Param({"phi", "deadline"})
  public String impl;

  private boolean deadline;
  private PhiAccrualDetector phi;
  private int[] out;
  private long now;
  private int lastCount;

  @Setup(Level.Trial)
  public void setUp() {
    deadline = "deadline".equals(impl);
    phi = new PhiAccrualDetector(PhiAccrual.ofDefaults(), Duration.ofSeconds(1), SUBJECTS);
    out = new int[SUBJECTS];
    Random r = new Random(5);
    long end = 0;
    for (int s = 0; s < SUBJECTS; s++) {
      long t = 0;
      int beats = s % 100 == 0 ? 250 : 300;
      for (int i = 0; i < beats; i++) {
        t += 1_000_000_000L + (long) (r.nextGaussian() * 10e6);
        phi.heartbeat(s, t);
      }
      end = Math.max(end, t);
    }
    now = end;
  }

  @Benchmark
  public int sweep() {
    lastCount = deadline ? phi.sweep(now, out) : recompute(phi, now, out);
    return lastCount;
  }

  static int recompute(PhiAccrualDetector d, long now, int[] out) {
    int k = 0;
    double threshold = d.settings().downPhi();
    for (int s = 0; s < d.subjects(); s++) {
      if (d.phi(s, now, d.toleratedLosses(s)) >= threshold) {
        out[k++] = s;
      }
    }
    return k;
  }

  @TearDown(Level.Trial)
  public void gate() {
    int[] a = new int[SUBJECTS];
    int[] b = new int[SUBJECTS];
    int na = phi.sweep(now, a);
    int nb = recompute(phi, now, b);
    if (na != nb || !Arrays.equals(a, 0, na, b, 0, nb) || na != SUBJECTS / 100 || lastCount != na) {
      throw new IllegalStateException(
          "D2 "
              + impl
              + ": deadline sweep found "
              + na
              + ", phi found "
              + nb
              + ", run found "
              + lastCount);
    }
  }
}
