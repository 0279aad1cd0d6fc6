package org.relaxha.testkit.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.monitor.ObservationSink;
import org.relaxha.spi.monitor.SourceStatus;

/**
 * An {@link ObservationSink} that records what a monitor delivers, standing in for the controller
 * in monitor tests and in the {@link org.relaxha.testkit.contract.MonitorContract}.
 *
 * <p>Thread-safe; never blocks the delivering thread beyond a short lock. The {@code await} methods
 * wait in real time, for monitors that deliver from their own threads.
 */
public final class RecordingSink implements ObservationSink {
  private final List<Observation> observations = new ArrayList<>();
  private final List<SourceStatus> statuses = new ArrayList<>();
  private final List<Thread> deliveringThreads = new ArrayList<>();

  @Override
  public synchronized void accept(Observation observation) {
    observations.add(Require.nonNull(observation, "observation"));
    noteThread();
    notifyAll();
  }

  @Override
  public synchronized void sourceStatus(SourceStatus status) {
    statuses.add(Require.nonNull(status, "status"));
    noteThread();
    notifyAll();
  }

  /** Every observation so far, in delivery order. */
  public synchronized List<Observation> observations() {
    return List.copyOf(observations);
  }

  /** The observations about one subject, in delivery order. */
  public synchronized List<Observation> observationsOf(SubjectId subject) {
    return observations.stream().filter(o -> o.subject().equals(subject)).toList();
  }

  /** Every source status so far, in delivery order. */
  public synchronized List<SourceStatus> statuses() {
    return List.copyOf(statuses);
  }

  /** The distinct threads that delivered something. */
  public synchronized List<Thread> deliveringThreads() {
    return List.copyOf(deliveringThreads);
  }

  /** Forgets everything recorded. */
  public synchronized void clear() {
    observations.clear();
    statuses.clear();
    deliveringThreads.clear();
  }

  /**
   * Waits until at least {@code count} observations match {@code filter}.
   *
   * @return whether they did within {@code timeout}
   */
  public synchronized boolean awaitObservations(
      Predicate<Observation> filter, int count, Duration timeout) throws InterruptedException {
    return await(() -> observations.stream().filter(filter).count() >= count, timeout);
  }

  /**
   * Waits until a source status matches {@code filter}.
   *
   * @return whether one did within {@code timeout}
   */
  public synchronized boolean awaitStatus(Predicate<SourceStatus> filter, Duration timeout)
      throws InterruptedException {
    return await(() -> statuses.stream().anyMatch(filter), timeout);
  }

  private boolean await(java.util.function.BooleanSupplier done, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + Require.nonNegative(timeout, "timeout").toNanos();
    while (!done.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  private void noteThread() {
    Thread current = Thread.currentThread();
    if (!deliveringThreads.contains(current)) {
      deliveringThreads.add(current);
    }
  }
}
