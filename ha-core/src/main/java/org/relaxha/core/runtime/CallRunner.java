package org.relaxha.core.runtime;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking SPI calls off the controller's loop, each bounded by a timeout, and hands the
 * outcome to a callback (which posts it back to the loop). {@link ThreadPoolCallRunner} is the real
 * one; {@link #inline()} runs calls on the caller's thread, for virtual time, where adapters answer
 * at once.
 *
 * <p>Implementations are thread-safe.
 */
public interface CallRunner extends AutoCloseable {

  /** The outcome of one call: its value, or what went wrong. */
  sealed interface Outcome<T> {
    /** The call returned. */
    record Returned<T>(T value) implements Outcome<T> {}

    /** The call threw. */
    record Threw<T>(Throwable error) implements Outcome<T> {}

    /** The call did not return within its timeout (its thread was interrupted). */
    record TimedOut<T>(Duration after) implements Outcome<T> {}
  }

  /** Runs {@code call}; {@code done} receives exactly one outcome, from any thread. */
  <T> void run(String what, Callable<T> call, Duration timeout, Consumer<Outcome<T>> done);

  /** Calls that have run past their timeout and not yet returned (adapters ignoring interrupts). */
  int stuckCalls();

  /** Stops the threads; running calls are interrupted. */
  @Override
  void close();

  /** A runner that calls on the caller's thread (no timeout can apply). */
  static CallRunner inline() {
    return new CallRunner() {
      @Override
      public <T> void run(
          String what, Callable<T> call, Duration timeout, Consumer<Outcome<T>> done) {
        Outcome<T> outcome;
        try {
          outcome = new Outcome.Returned<>(call.call());
        } catch (Exception | Error e) {
          outcome = new Outcome.Threw<>(e);
        }
        done.accept(outcome);
      }

      @Override
      public int stuckCalls() {
        return 0;
      }

      @Override
      public void close() {}
    };
  }
}
