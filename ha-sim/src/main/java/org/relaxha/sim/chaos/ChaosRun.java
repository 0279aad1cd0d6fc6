package org.relaxha.sim.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import org.relaxha.sim.Failure;
import org.relaxha.sim.FailureKind;
import org.relaxha.sim.RunResult;
import org.relaxha.sim.Simulation;
import org.relaxha.sim.Violation;
import org.relaxha.spi.Require;

/**
 * Runs many {@link ChaosSchedule}s (seeds {@code first}, {@code first + 1}, ...) against the real
 * controller and collects every invariant broken, each with the seed that replays it exactly:
 * {@link #replay(long)}.
 *
 * <p>Schedules are independent; they run on {@code threads} threads and the report does not depend
 * on how many. Thread-safe.
 */
public final class ChaosRun {
  private ChaosRun() {}

  /**
   * What a chaos run found.
   *
   * @param schedules how many schedules ran
   * @param firstSeed the seed of the first; schedule {@code i} has seed {@code firstSeed + i}
   * @param broken the schedules that broke an invariant, by seed
   * @param failures failures injected in all (controller restarts included)
   * @param restarts controller restarts in all
   * @param simulated virtual time simulated in all
   * @param took wall-clock time
   */
  public record Report(
      int schedules,
      long firstSeed,
      List<Broken> broken,
      long failures,
      long restarts,
      Duration simulated,
      Duration took) {
    public Report {
      broken = List.copyOf(broken);
    }
  }

  /** One schedule that broke invariants. */
  public record Broken(long seed, List<Violation> violations) {
    public Broken {
      violations = List.copyOf(violations);
    }
  }

  /** Runs one schedule exactly as the chaos run did. */
  public static RunResult replay(long seed) {
    return Simulation.run(
        ChaosSchedule.of(seed), seed, Simulation.Options.settling(ChaosSchedule.QUIET));
  }

  /**
   * Runs {@code count} schedules from {@code firstSeed} on {@code threads} threads, telling {@code
   * progress} how many are done after each (on the calling thread).
   */
  public static Report run(long firstSeed, int count, int threads, IntConsumer progress) {
    Require.atLeast(count, 1, "count");
    Require.atLeast(threads, 1, "threads");
    long began = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads, ChaosRun::thread);
    List<Broken> broken = new ArrayList<>();
    long failures = 0;
    long restarts = 0;
    Duration simulated = Duration.ZERO;
    try {
      ExecutorCompletionService<RunResult> done = new ExecutorCompletionService<>(pool);
      for (int i = 0; i < count; i++) {
        long seed = firstSeed + i;
        done.submit(() -> replay(seed));
      }
      for (int i = 0; i < count; i++) {
        RunResult r = done.take().get();
        failures += r.scenario().failures().size();
        restarts +=
            r.scenario().failures().stream()
                .map(Failure::kind)
                .filter(k -> k == FailureKind.CONTROLLER_RESTART)
                .count();
        simulated = simulated.plus(r.simulated());
        if (!r.violations().isEmpty()) {
          broken.add(new Broken(r.seed(), r.violations()));
        }
        progress.accept(i + 1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("chaos run interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "a chaos schedule failed to run: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    broken.sort(Comparator.comparingLong(Broken::seed));
    return new Report(
        count,
        firstSeed,
        broken,
        failures,
        restarts,
        simulated,
        Duration.ofNanos(System.nanoTime() - began));
  }

  private static Thread thread(Runnable r) {
    Thread t = new Thread(r, "relaxha-chaos");
    t.setDaemon(true);
    return t;
  }
}
