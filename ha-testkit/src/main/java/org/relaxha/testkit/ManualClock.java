package org.relaxha.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.relaxha.spi.Require;

/**
 * A clock that moves only when a test moves it. It never goes backwards through {@link #advance} or
 * {@link #set}; {@link #jumpTo} exists for tests of clock jumps and may move it anywhere.
 *
 * <p>Tests should start it at an odd instant (see {@link #ODD_START}) so that code which assumes
 * round numbers, the epoch, or "now" from the system clock shows itself.
 *
 * <p>Thread-safe: any thread may read or move it, and {@link #awaitInstant} lets a thread wait
 * until another one has moved it far enough.
 */
public final class ManualClock implements InstantSource {

  /** An odd instant to start at: the night Europe moves to summer time, not on a round second. */
  public static final Instant ODD_START = Instant.parse("2026-03-29T01:59:59.123Z");

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition moved = lock.newCondition();
  private volatile Instant now;

  /** A clock showing {@code start}. */
  public ManualClock(Instant start) {
    this.now = Require.nonNull(start, "start");
  }

  /** A clock starting at {@link #ODD_START}. */
  public static ManualClock atOddInstant() {
    return new ManualClock(ODD_START);
  }

  @Override
  public Instant instant() {
    return now;
  }

  /**
   * Moves the clock forward by {@code step} and returns the new instant.
   *
   * @throws IllegalArgumentException if {@code step} is negative
   */
  public Instant advance(Duration step) {
    Require.nonNegative(step, "step");
    lock.lock();
    try {
      return moveTo(now.plus(step));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sets the clock to {@code instant}, which must not be before the current instant.
   *
   * @throws IllegalArgumentException if {@code instant} is in the clock's past (use {@link #jumpTo}
   *     for a deliberate jump backwards)
   */
  public Instant set(Instant instant) {
    Require.nonNull(instant, "instant");
    lock.lock();
    try {
      if (instant.isBefore(now)) {
        throw new IllegalArgumentException(
            "instant "
                + instant
                + " is before the clock's "
                + now
                + "; use jumpTo for a clock jump backwards");
      }
      return moveTo(instant);
    } finally {
      lock.unlock();
    }
  }

  /** Moves the clock to {@code instant}, backwards if need be: for clock-jump tests only. */
  public Instant jumpTo(Instant instant) {
    Require.nonNull(instant, "instant");
    lock.lock();
    try {
      return moveTo(instant);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Blocks until the clock shows {@code target} or later (another thread must move it).
   *
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public void awaitInstant(Instant target) throws InterruptedException {
    Require.nonNull(target, "target");
    lock.lockInterruptibly();
    try {
      while (now.isBefore(target)) {
        moved.await();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Like {@link #awaitInstant(Instant)}, but gives up after {@code realTimeout} of real time.
   *
   * @return whether the clock reached {@code target}
   */
  public boolean awaitInstant(Instant target, Duration realTimeout) throws InterruptedException {
    Require.nonNull(target, "target");
    long nanos = Require.nonNegative(realTimeout, "realTimeout").toNanos();
    lock.lockInterruptibly();
    try {
      while (now.isBefore(target)) {
        if (nanos <= 0) {
          return false;
        }
        nanos = moved.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Blocks until {@code duration} of this clock's time has passed from now. */
  public void sleep(Duration duration) throws InterruptedException {
    awaitInstant(now.plus(Require.nonNegative(duration, "duration")));
  }

  private Instant moveTo(Instant instant) {
    now = instant;
    moved.signalAll();
    return instant;
  }

  /** Returns the current instant in milliseconds, like {@link java.time.Clock#millis()}. */
  @Override
  public long millis() {
    return now.toEpochMilli();
  }

  @Override
  public String toString() {
    return "ManualClock[" + now + "]";
  }
}
