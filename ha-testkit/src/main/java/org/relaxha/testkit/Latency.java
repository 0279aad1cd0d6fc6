package org.relaxha.testkit;

import java.time.Duration;
import org.relaxha.spi.Require;

/**
 * How long each call of a fake takes. Fakes call {@link #elapse()} at the start of every call.
 *
 * <ul>
 *   <li>{@link #none()}: calls return at once (the default).
 *   <li>{@link #advancing(ManualClock, Duration)}: each call moves a manual clock forward, so code
 *       that measures the call on that clock sees it take {@code perCall}; never blocks.
 *   <li>{@link #waitingFor(ManualClock, Duration)}: each call blocks until another thread has moved
 *       the manual clock {@code perCall} past the call's start; interruptible.
 *   <li>{@link #sleeping(Duration)}: each call sleeps in real time; interruptible.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface Latency {

  /** Lets one call's latency pass. */
  void elapse() throws InterruptedException;

  /** No latency. */
  static Latency none() {
    return () -> {};
  }

  /** Each call advances {@code clock} by {@code perCall}. */
  static Latency advancing(ManualClock clock, Duration perCall) {
    Require.nonNull(clock, "clock");
    Require.nonNegative(perCall, "perCall");
    return () -> clock.advance(perCall);
  }

  /** Each call waits until {@code clock} has moved {@code perCall} past the call's start. */
  static Latency waitingFor(ManualClock clock, Duration perCall) {
    Require.nonNull(clock, "clock");
    Require.nonNegative(perCall, "perCall");
    return () -> clock.awaitInstant(clock.instant().plus(perCall));
  }

  /** Each call sleeps {@code perCall} of real time. */
  static Latency sleeping(Duration perCall) {
    Require.nonNegative(perCall, "perCall");
    return () -> Thread.sleep(perCall.toMillis(), (int) (perCall.toNanos() % 1_000_000));
  }
}
