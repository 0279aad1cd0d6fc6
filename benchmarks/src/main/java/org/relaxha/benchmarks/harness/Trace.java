package org.relaxha.benchmarks.harness;

import java.util.Random;

/**
 * A heartbeat trace on a virtual clock, generated on the fly: {@link #next()} gives the send and
 * arrival instants of each heartbeat in order (arrival -1 if lost). Arrivals never reorder.
 */
final class Trace {
  private static final long BASE_DELAY = 20_000_000L;

  private final Setting s;
  private final Random r;
  private final long interval;
  private final double goodToBad;
  private boolean bad;
  private long k;
  private long lastArrival;
  private long nextPause;
  long send;
  long arrival;

  Trace(Setting s, long seed) {
    this.s = s;
    this.r = new Random(seed);
    this.interval = s.interval();
    this.goodToBad = s.loss() / (1 - s.loss()) / Setting.MEAN_BURST;
    this.nextPause = s.pauseMs() > 0 ? pauseGap() : Long.MAX_VALUE;
  }

  private long pauseGap() {
    return (long) (-Math.log(1 - r.nextDouble()) * 86_400e9 / Setting.PAUSES_PER_DAY);
  }

  /** Advances to the next heartbeat. */
  void next() {
    k++;
    send = k * interval;
    if (send >= nextPause) {
      long pauseEnd = nextPause + s.pauseMs() * 1_000_000L;
      if (send < pauseEnd) {
        send = pauseEnd;
      }
      nextPause += pauseGap();
    }
    boolean lost;
    if (s.bursty()) {
      bad = bad ? r.nextDouble() >= 1 / Setting.MEAN_BURST : r.nextDouble() < goodToBad;
      lost = bad;
    } else {
      lost = r.nextDouble() < s.loss();
    }
    if (lost) {
      arrival = -1;
      return;
    }
    long delay = Math.max(0, BASE_DELAY + (long) (r.nextGaussian() * s.jitterMs() * 1e6));
    arrival = Math.max(lastArrival + 1, send + delay);
    lastArrival = arrival;
  }
}
