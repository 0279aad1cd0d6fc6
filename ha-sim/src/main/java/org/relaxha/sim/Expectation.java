package org.relaxha.sim;

import java.time.Duration;
import org.relaxha.spi.Require;

/**
 * What a paper reports for an incident, as a range of recovery times (from the failure until the
 * service is back): the simulated mean must land inside it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param low the lower bound
 * @param high the upper bound
 * @param text how the paper says it, e.g. {@code 180 ± 30 s}
 * @param source where, e.g. {@code 3RC, section 5}
 */
public record Expectation(Duration low, Duration high, String text, String source) {
  /** Validates every field. */
  public Expectation {
    Require.nonNegative(low, "expect.low");
    Require.nonNull(high, "expect.high");
    if (high.compareTo(low) < 0) {
      throw new IllegalArgumentException("expect.high must not be less than low");
    }
    Require.nonNull(text, "expect.text");
    Require.nonNull(source, "expect.source");
  }

  /** Whether {@code seconds} lies inside the range. */
  public boolean contains(double seconds) {
    return seconds >= low.toMillis() / 1000.0 && seconds <= high.toMillis() / 1000.0;
  }
}
