package org.relaxha.core.runtime;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CallRunner} on a fixed pool of daemon threads. A call that outlives its timeout is
 * reported {@link CallRunner.Outcome.TimedOut} at once and its thread is interrupted; if the
 * adapter ignores the interrupt, the thread is counted in {@link #stuckCalls()} (shown in the
 * status) until the call returns.
 *
 * <p>Thread-safe.
 */
public final class ThreadPoolCallRunner implements CallRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadPoolCallRunner.class);

  private final ExecutorService pool;
  private final ScheduledExecutorService timer;
  private final AtomicInteger stuck = new AtomicInteger();

  /** A runner with {@code threads} call threads. */
  public ThreadPoolCallRunner(int threads) {
    this.pool = Executors.newFixedThreadPool(threads, named("relaxha-call-"));
    this.timer = Executors.newSingleThreadScheduledExecutor(named("relaxha-call-timer-"));
  }

  private static final int QUEUED = 0;
  private static final int RUNNING = 1;
  private static final int OVERDUE = 2;
  private static final int FINISHED = 3;

  @Override
  public <T> void run(String what, Callable<T> call, Duration timeout, Consumer<Outcome<T>> done) {
    AtomicInteger state = new AtomicInteger(QUEUED);
    Future<?> future =
        pool.submit(
            () -> {
              if (!state.compareAndSet(QUEUED, RUNNING)) {
                return;
              }
              Outcome<T> outcome;
              try {
                outcome = new Outcome.Returned<>(call.call());
              } catch (Exception | Error e) {
                outcome = new Outcome.Threw<>(e);
              }
              if (state.compareAndSet(RUNNING, FINISHED)) {
                done.accept(outcome);
              } else {
                state.set(FINISHED);
                stuck.decrementAndGet();
                LOG.warn(
                    "{} returned after its timeout of {}; its outcome was dropped", what, timeout);
              }
            });
    timer.schedule(
        () -> {
          if (state.compareAndSet(QUEUED, FINISHED)) {
            future.cancel(false);
            done.accept(new Outcome.TimedOut<>(timeout));
          } else if (state.compareAndSet(RUNNING, OVERDUE)) {
            stuck.incrementAndGet();
            future.cancel(true);
            done.accept(new Outcome.TimedOut<>(timeout));
          }
        },
        timeout.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public int stuckCalls() {
    return stuck.get();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
