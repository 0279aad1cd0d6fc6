package org.relaxha.sim;

import java.time.Duration;

/** Formats durations the way the lab prints them ({@code 3m20s}, {@code 45s}, {@code 250ms}). */
public final class Durations {
  private Durations() {}

  /** {@code 1h2m3s}, {@code 45s}, {@code 1.5s}, {@code 250ms}, {@code 0s}. */
  public static String format(Duration d) {
    if (d.isNegative()) {
      return "-" + format(d.negated());
    }
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    if (ms < 1000) {
      return ms + "ms";
    }
    StringBuilder text = new StringBuilder();
    long hours = ms / 3_600_000;
    long minutes = ms / 60_000 % 60;
    long seconds = ms / 1000 % 60;
    long millis = ms % 1000;
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (minutes > 0) {
      text.append(minutes).append('m');
    }
    if (seconds > 0 || millis > 0) {
      text.append(seconds);
      if (millis > 0 && hours == 0 && minutes == 0) {
        text.append('.')
            .append(String.format(java.util.Locale.ROOT, "%03d", millis).replaceAll("0+$", ""));
      }
      text.append('s');
    }
    return text.toString();
  }

  /** Seconds with up to one decimal, for tables: {@code 52}, {@code 7.5}. */
  public static String seconds(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    double rounded = Math.round(value * 10) / 10.0;
    return rounded == Math.rint(rounded)
        ? Long.toString((long) rounded)
        : String.format(java.util.Locale.ROOT, "%.1f", rounded);
  }
}
