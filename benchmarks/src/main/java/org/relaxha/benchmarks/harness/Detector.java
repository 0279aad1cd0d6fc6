package org.relaxha.benchmarks.harness;

import java.time.Duration;
import org.relaxha.core.detect.CheckClass;
import org.relaxha.core.detect.PhiAccrual;
import org.relaxha.core.detect.PhiAccrualDetector;

/**
 * A failure detector as the harness sees it: heartbeats in, and the instant at which it would
 * suspect the sender if nothing else arrived. Every detector here only suspects more as silence
 * grows, so that instant says everything. Times in nanoseconds.
 */
interface Detector {
  String name();

  void heartbeat(long t);

  /** When it suspects if no heartbeat arrives after the last one. */
  long deadline();

  /** The most it may wait after the last heartbeat of a sender with this interval and no jitter. */
  long bound(long interval);

  /** Ours: {@link PhiAccrualDetector}, DOWN (what fences) or SUSPECT (what mutes alarms). */
  static Detector phi(long interval, boolean down) {
    PhiAccrual settings = PhiAccrual.ofDefaults();
    PhiAccrualDetector d = new PhiAccrualDetector(settings, Duration.ofNanos(interval), 1);
    return new Detector() {
      @Override
      public String name() {
        return down ? "phi, ours (DOWN)" : "phi, ours (SUSPECT)";
      }

      @Override
      public void heartbeat(long t) {
        d.heartbeat(0, t);
      }

      @Override
      public long deadline() {
        return down ? d.downAt(0) : d.suspectAt(0);
      }

      @Override
      public long bound(long iv) {
        // The seeds' deviation (a quarter interval) is the largest sigma a regular sender shows.
        return down
            ? (long) ((1 + settings.maxLosses()) * iv + 6.0 * iv / 4)
            : (long) (iv + 6.0 * iv / 4);
      }
    };
  }

  /** Ours, for polled sources: {@link CheckClass} with 2 misses (DOWN) or 1 (SUSPECT). */
  static Detector missCount(long interval, int misses) {
    long after = new CheckClass(Duration.ofNanos(interval), 2).silenceFor(misses).toNanos();
    return fixed("miss count, ours (" + misses + " miss" + (misses > 1 ? "es" : "") + ")", after);
  }

  /** Suspects after a fixed silence. */
  static Detector fixed(String name, long after) {
    return new Detector() {
      long last;

      @Override
      public String name() {
        return name;
      }

      @Override
      public void heartbeat(long t) {
        last = t;
      }

      @Override
      public long deadline() {
        return last + after;
      }

      @Override
      public long bound(long iv) {
        return after;
      }
    };
  }
}
