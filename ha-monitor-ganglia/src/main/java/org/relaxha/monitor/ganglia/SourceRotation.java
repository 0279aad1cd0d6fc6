package org.relaxha.monitor.ganglia;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which sources a poll may try, in order of preference, and the backoff of the ones that failed:
 * after {@code n} consecutive failures a source waits {@code min(maxBackoff, interval x 2^(n-1))}
 * before it is tried again. A success clears its backoff. Times are {@link System#nanoTime()}
 * values.
 *
 * <p>Not thread-safe: the poller thread owns it.
 */
final class SourceRotation {
  private final Map<GangliaSource, State> states = new LinkedHashMap<>();
  private final long maxBackoffNanos;

  SourceRotation(List<GangliaSource> sources, Duration maxBackoff) {
    sources.forEach(s -> states.put(s, new State()));
    this.maxBackoffNanos = maxBackoff.toNanos();
  }

  /** The sources not backing off at {@code now}, in order of preference. */
  List<GangliaSource> due(long now) {
    List<GangliaSource> due = new ArrayList<>();
    states.forEach(
        (source, state) -> {
          if (state.failures == 0 || now - state.retryAt >= 0) {
            due.add(source);
          }
        });
    return due;
  }

  /** When the first source backing off may be tried again. */
  long nextDue(long now) {
    long next = Long.MAX_VALUE;
    for (State state : states.values()) {
      if (state.failures == 0) {
        return now;
      }
      next = Math.min(next, state.retryAt - now);
    }
    return now + Math.max(0, next);
  }

  void succeeded(GangliaSource source) {
    State state = states.get(source);
    state.failures = 0;
    state.lastError = "";
  }

  void failed(GangliaSource source, String reason, long now) {
    State state = states.get(source);
    state.failures++;
    state.lastError = reason;
    state.retryAt = now + backoff(source, state.failures);
  }

  private long backoff(GangliaSource source, int failures) {
    long base = source.interval().toNanos();
    int doublings = Math.min(failures - 1, 30);
    long delay = base > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : base << doublings;
    return Math.min(maxBackoffNanos, delay);
  }

  /** The last error of every source that is failing, in order of preference. */
  Map<GangliaSource, String> failing() {
    Map<GangliaSource, String> failing = new LinkedHashMap<>();
    states.forEach(
        (source, state) -> {
          if (state.failures > 0) {
            failing.put(source, state.lastError);
          }
        });
    return failing;
  }

  private static final class State {
    int failures;
    long retryAt;
    String lastError = "";
  }
}
