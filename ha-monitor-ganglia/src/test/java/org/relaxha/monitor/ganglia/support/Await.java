package org.relaxha.monitor.ganglia.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition with a deadline instead of sleeping for a guessed time. Stateless. */
public final class Await {
  private Await() {}

  /** Whether {@code done} held within {@code timeout}. */
  public static boolean until(Duration timeout, BooleanSupplier done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 5;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      pause(pause);
      pause = Math.min(100, pause * 2);
    }
    return true;
  }

  /** The first non-null value {@code probe} gives within {@code timeout}, or null. */
  public static <T> T value(Duration timeout, Supplier<T> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null || System.nanoTime() - deadline >= 0) {
        return value;
      }
      pause(20);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
