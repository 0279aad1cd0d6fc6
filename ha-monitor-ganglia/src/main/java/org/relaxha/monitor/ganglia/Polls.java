package org.relaxha.monitor.ganglia;

import java.time.Duration;

/** Small shared helpers for messages. Stateless. */
final class Polls {
  private Polls() {}

  /** {@code 10 s}, {@code 1.5 s} or {@code 250 ms}. */
  static String seconds(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
  }
}
