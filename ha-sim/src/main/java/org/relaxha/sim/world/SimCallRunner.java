package org.relaxha.sim.world;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.relaxha.core.runtime.CallRunner;

/**
 * The {@link CallRunner} of a simulated controller: each SPI call runs at once on the simulation's
 * thread (its effect on the world is immediate), and its outcome reaches the controller after the
 * virtual time the simulated adapters charged for it ({@link Costs}). A call that costs more than
 * its timeout is reported as timed out at the timeout, although its effect stands, as with a real
 * adapter that did its work but answered too late.
 *
 * <p>After {@link #close()} (the controller stopped or "died"), outcomes still on their way are
 * dropped. Confined to the simulation's thread.
 */
public final class SimCallRunner implements CallRunner {
  private final SimWorld world;
  private boolean closed;

  public SimCallRunner(SimWorld world) {
    this.world = world;
  }

  @Override
  public <T> void run(String what, Callable<T> call, Duration timeout, Consumer<Outcome<T>> done) {
    if (closed) {
      return;
    }
    world.costs().begin();
    Outcome<T> outcome;
    try {
      outcome = new Outcome.Returned<>(call.call());
    } catch (Exception | Error e) {
      outcome = new Outcome.Threw<>(e);
    }
    Duration took = world.costs().end();
    Outcome<T> delivered = outcome;
    Duration after = took;
    if (took.compareTo(timeout) > 0) {
      delivered = new Outcome.TimedOut<>(timeout);
      after = timeout;
    }
    Outcome<T> result = delivered;
    world
        .time()
        .at(
            world.now().plus(after),
            () -> {
              if (!closed) {
                done.accept(result);
              }
            });
  }

  @Override
  public int stuckCalls() {
    return 0;
  }

  @Override
  public void close() {
    closed = true;
  }
}
