package org.relaxha.benchmarks.detect;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 * Heartbeat ingest (D1), 1024 heartbeats per invocation round-robin over 1024 subjects with 10 ms
 * of jitter. {@code ring}: {@link PhiAccrualDetector#heartbeat} (preallocated ring, deadlines
 * computed); baseline {@code boxed}: the textbook window, an {@link ArrayDeque} of boxed intervals
 * per subject with running sums (no deadline). Run with {@code -prof gc} for the allocation rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class D1Ingest {
  static final int SUBJECTS = 1024;
  private static final int MASK = 8191;

  @Param({"boxed", "ring"})
  public String impl;

  private boolean ring;
  private PhiAccrualDetector phi;
  private BoxedWindow[] boxed;
  private long[] jitter;
  private long now;
  private int k;

  @Setup(Level.Trial)
  public void setUp() {
    ring = "ring".equals(impl);
    phi = new PhiAccrualDetector(PhiAccrual.ofDefaults(), Duration.ofSeconds(1), SUBJECTS);
    boxed = new BoxedWindow[SUBJECTS];
    for (int s = 0; s < SUBJECTS; s++) {
      boxed[s] = new BoxedWindow(200);
    }
    Random r = new Random(3);
    jitter = new long[MASK + 1];
    for (int i = 0; i <= MASK; i++) {
      jitter[i] = (long) (r.nextGaussian() * 10e6);
    }
  }

  @Benchmark
  @OperationsPerInvocation(SUBJECTS)
  public long ingest() {
    long t = now += 1_000_000_000L;
    if (ring) {
      PhiAccrualDetector d = phi;
      for (int s = 0; s < SUBJECTS; s++) {
        d.heartbeat(s, t + jitter[k++ & MASK]);
      }
      return d.downAt(SUBJECTS - 1);
    }
    for (int s = 0; s < SUBJECTS; s++) {
      boxed[s].heartbeat(t + jitter[k++ & MASK]);
    }
    return (long) boxed[SUBJECTS - 1].mean();
  }

  @TearDown(Level.Trial)
  public void gate() {
    double mean = ring ? phi.mean(0) : boxed[0].mean();
    if (Math.abs(mean - 1e9) > 5e6) {
      throw new IllegalStateException("D1 " + impl + ": mean interval " + mean + " ns, not ~1 s");
    }
  }

  /** The textbook sliding window: boxed intervals in a deque, running sums. */
  static final class BoxedWindow {
    private final int size;
    private final ArrayDeque<Long> window = new ArrayDeque<>();
    private long last = Long.MIN_VALUE;
    private double sum;
    private double sumSq;

    BoxedWindow(int size) {
      this.size = size;
    }

    void heartbeat(long t) {
      if (last != Long.MIN_VALUE) {
        long interval = t - last;
        window.addLast(interval);
        sum += interval;
        sumSq += (double) interval * interval;
        if (window.size() > size) {
          long old = window.removeFirst();
          sum -= old;
          sumSq -= (double) old * old;
        }
      }
      last = t;
    }

    double mean() {
      return window.isEmpty() ? 0 : sum / window.size();
    }
  }
}
