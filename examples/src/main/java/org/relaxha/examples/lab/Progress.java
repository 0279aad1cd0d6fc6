package org.relaxha.examples.lab;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on standard error, redrawn in place ({@code \r}), for long runs. Silent
 * unless enabled (a terminal, or {@code --progress}).
 *
 * <p>Not thread-safe: call it from one thread.
 */
final class Progress {
  private static final int WIDTH = 30;
  private final PrintStream err;
  private final boolean enabled;
  private final String what;
  private final int total;
  private final long began = System.nanoTime();
  private int lastDrawn = -1;

  Progress(PrintStream err, boolean enabled, String what, int total) {
    this.err = err;
    this.enabled = enabled && total > 1;
    this.what = what;
    this.total = total;
  }

  /** {@code done} of the total are finished. */
  void update(int done) {
    if (!enabled) {
      return;
    }
    int filled = (int) ((long) WIDTH * done / total);
    int percent = (int) (100L * done / total);
    if (percent == lastDrawn && done != total) {
      return;
    }
    lastDrawn = percent;
    long seconds = (System.nanoTime() - began) / 1_000_000_000L;
    err.print(
        String.format(
            Locale.ROOT,
            "\r[%s%s] %d/%d %s %d:%02d",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            done,
            total,
            what,
            seconds / 60,
            seconds % 60));
    if (done == total) {
      err.println();
    }
    err.flush();
  }
}
