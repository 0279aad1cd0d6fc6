package org.relaxha.core.runtime;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link EventLoop} on a dedicated daemon thread. Thread-safe. */
final class ThreadedEventLoop implements EventLoop {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadedEventLoop.class);
  private static final Runnable POISON = () -> {};

  private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean stopped;

  ThreadedEventLoop(String name) {
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  @Override
  public void submit(Runnable event) {
    if (!stopped) {
      queue.add(event);
    }
  }

  @Override
  public void start() {
    thread.start();
  }

  private void run() {
    while (true) {
      Runnable event;
      try {
        event = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (event == POISON) {
        return;
      }
      try {
        event.run();
      } catch (RuntimeException | Error e) {
        LOG.error("controller loop: an event failed; the loop goes on", e);
      }
    }
  }

  @Override
  public void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    queue.add(POISON);
    if (thread.isAlive() && Thread.currentThread() != thread) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
