package org.relaxha.core.runtime;

/** A scheduled task that may be cancelled. Implementations are thread-safe. */
@FunctionalInterface
public interface Cancellable {
  /** Cancels the task if it has not run yet. Idempotent. */
  void cancel();
}
