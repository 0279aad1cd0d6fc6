package org.relaxha.core.detect;

import java.time.Duration;
import org.relaxha.spi.Require;

/**
 * How one criticality class is checked: the expected interval between observations and how many
 * consecutive failed or missed checks make a subject DOWN (one makes it SUSPECT).
 *
 * <p>Immutable and thread-safe.
 *
 * @param interval the expected time between two observations of a subject of this class
 * @param missThreshold consecutive failed or missed checks before DOWN (at least 1)
 */
public record CheckClass(Duration interval, int missThreshold) {
  /** Validates both fields. */
  public CheckClass {
    Require.positive(interval, "checkClass.interval");
    Require.atLeast(missThreshold, 1, "checkClass.missThreshold");
  }

  /**
   * How long a covered subject may stay silent before it counts as {@code misses} missed checks:
   * {@code misses} intervals plus half an interval of grace for jitter.
   */
  public Duration silenceFor(int misses) {
    return interval.multipliedBy(misses).plus(interval.dividedBy(2));
  }
}
