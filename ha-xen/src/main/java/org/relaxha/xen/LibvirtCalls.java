package org.relaxha.xen;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.libvirt.LibvirtException;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * Runs libvirt calls on the adapter's own bounded pool and gives up on each after its timeout.
 * libvirt-java calls block in native code and ignore interrupts, so a call that never returns keeps
 * one pool thread busy until libvirt gives up on its own (its keepalive closes a dead remote
 * connection); {@link #stuckCalls()} counts them. When every thread is busy and the queue is full,
 * further calls are refused at once instead of piling up.
 *
 * <p>Thread-safe.
 */
final class LibvirtCalls implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LibvirtCalls.class.getName());

  /** One or more libvirt calls. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws LibvirtException;
  }

  /** What became of a call. */
  sealed interface Outcome<T> {
    /** It returned. */
    record Ok<T>(T value) implements Outcome<T> {}

    /** libvirt answered with an error. */
    record Failed<T>(LibvirtError error) implements Outcome<T> {}

    /** No answer: timed out, refused (pool full), interrupted, or not connected. */
    record Unreachable<T>(String reason) implements Outcome<T> {}
  }

  private final ThreadPoolExecutor pool;
  private final AdapterThreads threads;
  private final AtomicInteger stuck = new AtomicInteger();

  LibvirtCalls(String name, int threads) {
    this.threads = new AdapterThreads("relaxha-libvirt-" + name + "-call-");
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(threads * 16),
            this.threads);
    pool.allowCoreThreadTimeOut(true);
  }

  /**
   * Runs {@code call} and waits for it at most {@code timeout}. Never throws for libvirt's errors:
   * they come back as {@link Outcome.Failed} with the host, the VM and the error code.
   */
  <T> Outcome<T> run(HostId host, Optional<VmId> vm, String what, Duration timeout, Call<T> call) {
    AtomicInteger state = new AtomicInteger(QUEUED);
    Future<Outcome<T>> future;
    try {
      future = pool.submit(() -> execute(host, vm, call, state));
    } catch (RejectedExecutionException e) {
      return new Outcome.Unreachable<>(
          what
              + " on "
              + host
              + " refused: all "
              + pool.getMaximumPoolSize()
              + " libvirt threads busy ("
              + stuck.get()
              + " stuck past their timeout) and the queue is full");
    }
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      giveUp(future, state);
      return new Outcome.Unreachable<>(
          what
              + " on "
              + host
              + vm.map(v -> " for " + v).orElse("")
              + " timed out after "
              + timeout.toMillis()
              + " ms (libvirt did not answer)");
    } catch (InterruptedException e) {
      giveUp(future, state);
      Thread.currentThread().interrupt();
      return new Outcome.Unreachable<>(what + " on " + host + " interrupted");
    } catch (ExecutionException e) {
      return new Outcome.Failed<>(adapterError(host, vm, e.getCause()));
    } catch (CancellationException e) {
      return new Outcome.Unreachable<>(
          what + " on " + host + " did not run: the libvirt adapter was closed");
    }
  }

  private static final int QUEUED = 0;
  private static final int RUNNING = 1;
  private static final int ABANDONED = 2;
  private static final int FINISHED = 3;

  private <T> Outcome<T> execute(
      HostId host, Optional<VmId> vm, Call<T> call, AtomicInteger state) {
    if (!state.compareAndSet(QUEUED, RUNNING)) {
      return new Outcome.Unreachable<>("abandoned before it ran");
    }
    try {
      return new Outcome.Ok<>(call.run());
    } catch (LibvirtException e) {
      return new Outcome.Failed<>(LibvirtError.of(host, vm, e));
    } catch (SharedConnection.Retired e) {
      return new Outcome.Unreachable<>(e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      return new Outcome.Failed<>(adapterError(host, vm, e));
    } finally {
      if (!state.compareAndSet(RUNNING, FINISHED)) {
        int left = stuck.decrementAndGet();
        LOG.log(
            System.Logger.Level.INFO,
            "a libvirt call on {0} returned after its timeout; {1} still stuck",
            host,
            left);
      }
    }
  }

  private void giveUp(Future<?> future, AtomicInteger state) {
    if (state.compareAndSet(QUEUED, ABANDONED)) {
      future.cancel(false);
      pool.remove((Runnable) future); // free its place in the queue now
    } else if (state.compareAndSet(RUNNING, ABANDONED)) {
      stuck.incrementAndGet();
      future.cancel(true);
    }
  }

  private static LibvirtError adapterError(HostId host, Optional<VmId> vm, Throwable e) {
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (e instanceof LinkageError) {
      text = "the libvirt client library cannot be loaded (install libvirt0): " + text;
    }
    return new LibvirtError(host, vm, "ADAPTER_ERROR", -1, text);
  }

  /** Calls waiting for a thread (for tests). */
  int queued() {
    return pool.getQueue().size();
  }

  /** Calls that outlived their timeout and have not returned yet. */
  int stuckCalls() {
    return stuck.get();
  }

  /**
   * Stops the threads; waits up to {@code wait} for running calls (hung ones are left). Calls still
   * queued are cancelled, so that their callers get their answer now instead of at their timeout.
   */
  void shutdown(Duration wait) {
    for (Runnable queued : pool.shutdownNow()) {
      ((Future<?>) queued).cancel(false);
    }
    try {
      if (!pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS) || !threads.join(wait)) {
        LOG.log(
            System.Logger.Level.WARNING,
            "{0} libvirt call(s) still blocked in native code after close; their threads stay"
                + " until libvirt returns",
            pool.getActiveCount());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    shutdown(Duration.ofSeconds(2));
  }
}
