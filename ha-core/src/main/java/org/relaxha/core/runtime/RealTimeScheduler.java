package org.relaxha.core.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link Scheduler} on a daemon thread, measuring delays against the controller's clock.
 *
 * <p>Thread-safe.
 */
public final class RealTimeScheduler implements Scheduler, AutoCloseable {
  private final InstantSource clock;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "relaxha-timer");
            t.setDaemon(true);
            return t;
          });

  /** A scheduler on {@code clock}. */
  public RealTimeScheduler(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public Cancellable at(Instant when, Runnable task) {
    long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
    ScheduledFuture<?> f = executor.schedule(task, delay, TimeUnit.MILLISECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
