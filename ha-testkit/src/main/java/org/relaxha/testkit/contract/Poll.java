package org.relaxha.testkit.contract;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polling in real time, for kits that test adapters of real systems. Stateless. */
final class Poll {
  private Poll() {}

  /**
   * Probes until {@code done} accepts the value or {@code timeout} passes; returns the last value
   * probed either way, so the caller's assertion shows what was seen.
   */
  static <T> T until(Duration timeout, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 10;
    while (true) {
      T value = probe.get();
      if (done.test(value) || System.nanoTime() >= deadline) {
        return value;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return value;
      }
      pause = Math.min(200, pause * 2);
    }
  }

  /** Sleeps {@code duration} of real time, keeping the interrupt flag. */
  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
