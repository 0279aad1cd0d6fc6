package org.relaxha.monitor.nagios;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.relaxha.monitor.nagios.status.StatusSnapshot;

/**
 * The latest {@link StatusSnapshot} the poller read, and a way to wait for one that shows what a
 * command should have done.
 *
 * <p>Thread-safe.
 */
final class SnapshotBoard {
  private StatusSnapshot latest;
  private boolean closed;

  synchronized void publish(StatusSnapshot snapshot) {
    latest = snapshot;
    notifyAll();
  }

  synchronized Optional<StatusSnapshot> latest() {
    return Optional.ofNullable(latest);
  }

  /**
   * Waits until the latest snapshot satisfies {@code done}, the timeout passes or the board closes;
   * returns the last snapshot seen either way (empty if none was ever read).
   */
  synchronized Optional<StatusSnapshot> await(Predicate<StatusSnapshot> done, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!closed && (latest == null || !done.test(latest))) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return Optional.ofNullable(latest);
  }

  /** Wakes every waiter for good. */
  synchronized void close() {
    closed = true;
    notifyAll();
  }
}
