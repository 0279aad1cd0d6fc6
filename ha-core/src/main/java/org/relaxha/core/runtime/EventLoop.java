package org.relaxha.core.runtime;

/**
 * Where the controller handles its events, one at a time, in submission order: every read and write
 * of the engine state, the detectors and the journal happens there.
 *
 * <p>{@link #threaded(String)} runs a dedicated thread; {@link #direct()} runs events on the
 * submitting thread (queued, never re-entered), for virtual time. Implementations are thread-safe.
 */
public interface EventLoop {

  /** Queues an event; returns at once. Ignored after {@link #stop()}. */
  void submit(Runnable event);

  /** Starts handling events. */
  void start();

  /** Stops after the event being handled; waits up to a few seconds for it. Idempotent. */
  void stop();

  /** A loop with its own daemon thread. */
  static EventLoop threaded(String name) {
    return new ThreadedEventLoop(name);
  }

  /** A loop that runs events on the submitting thread, never re-entrantly. */
  static EventLoop direct() {
    return new DirectEventLoop();
  }
}
