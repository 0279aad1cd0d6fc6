package org.relaxha.testkit;

import java.time.Duration;
import org.relaxha.spi.Require;

/**
 * Makes calls hang until the test {@linkplain #release() releases} them or the calling thread is
 * interrupted (which is how a controller enforces its per-call timeouts). A fake calls {@link
 * #pass()} inside the hanging call; the test uses {@link #awaitWaiting} to know that a call is
 * hanging, then releases it or lets the controller time it out.
 *
 * <p>Once released, a gate stays open: later calls pass at once. Thread-safe.
 */
public final class Gate {
  private boolean released;
  private int waiting;
  private int entered;
  private int interrupted;

  /** Blocks until the gate is released; throws if the thread is interrupted while it waits. */
  public synchronized void pass() throws InterruptedException {
    entered++;
    notifyAll();
    if (released) {
      return;
    }
    waiting++;
    try {
      while (!released) {
        wait();
      }
    } catch (InterruptedException e) {
      interrupted++;
      throw e;
    } finally {
      waiting--;
      notifyAll();
    }
  }

  /** Opens the gate: every waiting call goes on, and later calls do not wait. */
  public synchronized void release() {
    released = true;
    notifyAll();
  }

  /** Whether {@link #release()} was called. */
  public synchronized boolean isReleased() {
    return released;
  }

  /** How many calls are waiting right now. */
  public synchronized int waiting() {
    return waiting;
  }

  /** How many calls reached the gate so far. */
  public synchronized int entered() {
    return entered;
  }

  /** How many waiting calls were interrupted (timed out by their caller). */
  public synchronized int interrupted() {
    return interrupted;
  }

  /**
   * Waits in real time until at least {@code count} calls are waiting at the gate.
   *
   * @return whether they were before {@code timeout}
   */
  public synchronized boolean awaitWaiting(int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + Require.nonNegative(timeout, "timeout").toNanos();
    while (waiting < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  @Override
  public synchronized String toString() {
    return "Gate[released=" + released + ", waiting=" + waiting + ", entered=" + entered + "]";
  }
}
