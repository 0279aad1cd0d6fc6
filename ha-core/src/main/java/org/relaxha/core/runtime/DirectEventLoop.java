package org.relaxha.core.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EventLoop} that runs events on the submitting thread; an event submitted while another
 * runs is queued and run right after, so handlers never re-enter. Thread-safe, but meant for one
 * driving thread (virtual time).
 */
final class DirectEventLoop implements EventLoop {
  private static final Logger LOG = LoggerFactory.getLogger(DirectEventLoop.class);

  private final Deque<Runnable> queue = new ArrayDeque<>();
  private boolean running;
  private boolean started;
  private boolean stopped;

  @Override
  public void submit(Runnable event) {
    synchronized (this) {
      if (stopped) {
        return;
      }
      queue.add(event);
      if (running || !started) {
        return;
      }
      running = true;
    }
    drain();
  }

  private void drain() {
    while (true) {
      Runnable next;
      synchronized (this) {
        next = queue.poll();
        if (next == null || stopped) {
          running = false;
          return;
        }
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        LOG.error("controller loop: an event failed; the loop goes on", e);
      }
    }
  }

  @Override
  public void start() {
    synchronized (this) {
      started = true;
      if (running || queue.isEmpty()) {
        return;
      }
      running = true;
    }
    drain();
  }

  @Override
  public synchronized void stop() {
    stopped = true;
    queue.clear();
  }
}
