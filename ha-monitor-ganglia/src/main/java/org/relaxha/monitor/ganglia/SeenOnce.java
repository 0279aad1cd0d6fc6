package org.relaxha.monitor.ganglia;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Remembers which things were already reported (unmapped hosts), so each is reported once, not on
 * every poll. Holds at most {@code capacity} of them; beyond that, new ones are counted, and
 * reported as one summary line once.
 *
 * <p>Thread-safe.
 */
final class SeenOnce {
  private final int capacity;
  private final Set<String> seen = new LinkedHashSet<>();
  private boolean overflowReported;

  SeenOnce(int capacity) {
    this.capacity = capacity;
  }

  /** Whether {@code key} is new (and so should be reported now). */
  synchronized boolean first(String key) {
    if (seen.contains(key)) {
      return false;
    }
    if (seen.size() >= capacity) {
      return false;
    }
    seen.add(key);
    return true;
  }

  /** Whether the capacity was reached and that was not reported yet. */
  synchronized boolean overflowFirstTime() {
    if (seen.size() >= capacity && !overflowReported) {
      overflowReported = true;
      return true;
    }
    return false;
  }

  /** What was reported, in order. */
  synchronized Set<String> snapshot() {
    return Set.copyOf(seen);
  }
}
