package org.relaxha.xen;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon threads of one of the adapter's pools, named {@code prefix1}, {@code prefix2}...,
 * remembered so that closing the adapter can wait until they have really ended: an executor's
 * {@code awaitTermination} returns once its workers have left their loop, a moment before their
 * threads die, and an embedder that checks for leftover threads right after {@code close()} must
 * find none.
 *
 * <p>Thread-safe.
 */
final class AdapterThreads implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

  AdapterThreads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable r) {
    threads.removeIf(t -> !t.isAlive());
    Thread t = new Thread(r, prefix + count.incrementAndGet());
    t.setDaemon(true);
    threads.add(t);
    return t;
  }

  /**
   * Waits at most {@code wait} in all for every thread to end; true if they all did. Call it after
   * the pool has been shut down.
   */
  boolean join(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    for (Thread t : threads) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        t.join(Math.max(1, left / 1_000_000));
      }
      if (t.isAlive()) {
        return false;
      }
    }
    threads.clear();
    return true;
  }
}
