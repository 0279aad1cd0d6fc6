package org.relaxha.core.runtime;

import java.time.Instant;

/**
 * Runs a short task at (or soon after) an instant of the controller's clock. The task only posts an
 * event to the controller's loop; it must not block. Real time uses a scheduled thread; virtual
 * time ({@link VirtualTime}) runs due tasks when the test or the simulator advances the clock.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface Scheduler {
  /** Schedules {@code task} at {@code when}; a past instant runs it as soon as possible. */
  Cancellable at(Instant when, Runnable task);
}
