package org.relaxha.testkit;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.relaxha.spi.Require;

/**
 * An append-only record of the calls a fake received, for tests to assert on. Fakes record a call
 * when it returns (so a call that hangs shows up once it is released or interrupted).
 *
 * <p>Thread-safe: calls may be recorded and read from any thread at once.
 */
public final class CallLog {
  private final InstantSource clock;
  private final List<Call> calls = new ArrayList<>();
  private long sequence;

  /** A log stamping its calls with {@code clock}. */
  public CallLog(InstantSource clock) {
    this.clock = Require.nonNull(clock, "clock");
  }

  /** Records a call and returns it. */
  public synchronized Call record(String operation, Object result, Object... arguments) {
    Call call = new Call(++sequence, clock.instant(), operation, Arrays.asList(arguments), result);
    calls.add(call);
    notifyAll();
    return call;
  }

  /** Every call so far, oldest first. */
  public synchronized List<Call> all() {
    return List.copyOf(calls);
  }

  /** The calls of one operation (an SPI method name), oldest first. */
  public synchronized List<Call> of(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).toList();
  }

  /** The calls that match {@code filter}, oldest first. */
  public synchronized List<Call> matching(Predicate<Call> filter) {
    return calls.stream().filter(filter).toList();
  }

  /** How many calls of one operation were made. */
  public synchronized int count(String operation) {
    return of(operation).size();
  }

  /** Forgets every call (the sequence keeps counting). */
  public synchronized void clear() {
    calls.clear();
  }

  /**
   * Waits in real time until at least {@code count} calls match {@code filter}: for tests where a
   * controller makes the calls on its own threads.
   *
   * @return whether they arrived before {@code timeout}
   */
  public synchronized boolean await(Predicate<Call> filter, int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + Require.nonNegative(timeout, "timeout").toNanos();
    while (calls.stream().filter(filter).count() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      long millis = Math.max(1, left / 1_000_000);
      wait(millis);
    }
    return true;
  }

  @Override
  public synchronized String toString() {
    return "CallLog" + calls;
  }
}
