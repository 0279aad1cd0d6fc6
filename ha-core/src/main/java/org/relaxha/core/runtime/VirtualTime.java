package org.relaxha.core.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.PriorityQueue;
import org.relaxha.spi.Require;

/**
 * A clock and a scheduler in virtual time: time moves only when {@link #advanceTo} or {@link
 * #advance} is called, and scheduled tasks run then, in instant order (ties in scheduling order),
 * on the calling thread. With {@link EventLoop#direct()} and {@link CallRunner#inline()} this runs
 * the real controller deterministically, with no thread and no sleep: tests and the simulator use
 * it.
 *
 * <p>Thread-safe, but meant to be driven from one thread.
 */
public final class VirtualTime implements InstantSource, Scheduler {
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private Instant now;
  private long sequence;

  /** Virtual time starting at {@code start}. */
  public VirtualTime(Instant start) {
    this.now = Require.nonNull(start, "start");
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public synchronized Cancellable at(Instant when, Runnable task) {
    Task t = new Task(when.isBefore(now) ? now : when, sequence++, task);
    tasks.add(t);
    return () -> {
      synchronized (VirtualTime.this) {
        t.cancelled = true;
      }
    };
  }

  /** Runs every task due by {@code until} (including tasks they schedule), then sets the clock. */
  public void advanceTo(Instant until) {
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.when.isAfter(until)) {
          if (until.isAfter(now)) {
            now = until;
          }
          return;
        }
        tasks.poll();
        if (next.when.isAfter(now)) {
          now = next.when;
        }
        if (next.cancelled) {
          continue;
        }
      }
      next.task.run();
    }
  }

  /** {@link #advanceTo} {@code now + by}. */
  public void advance(Duration by) {
    advanceTo(instant().plus(by));
  }

  /** Runs the tasks due now. */
  public void runDue() {
    advanceTo(instant());
  }

  /** When the next live task is due, if any. */
  public synchronized java.util.Optional<Instant> nextDue() {
    tasks.removeIf(t -> t.cancelled);
    return java.util.Optional.ofNullable(tasks.peek()).map(t -> t.when);
  }

  private static final class Task implements Comparable<Task> {
    final Instant when;
    final long seq;
    final Runnable task;
    boolean cancelled;

    Task(Instant when, long seq, Runnable task) {
      this.when = when;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public int compareTo(Task o) {
      int c = when.compareTo(o.when);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
