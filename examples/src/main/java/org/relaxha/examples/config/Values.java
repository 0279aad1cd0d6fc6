package org.relaxha.examples.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the scalar forms of the configuration file: durations, memory sizes, whole and real
 * numbers and booleans. Each returns empty when the text does not have the form, so the caller can
 * say what was expected and where.
 *
 * <p>Stateless and thread-safe.
 */
public final class Values {
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern DURATION = Pattern.compile("(\\d+(ms|s|m|h|d))+");
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern MEMORY =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(|k|ki|kib|kb|m|mi|mib|mb|g|gi|gib|gb|t|ti|tib|tb)");

  /** What a duration looks like, for error messages. */
  public static final String DURATION_FORMS = "a duration like 30s, 5m, 1h, 250ms";

  /** What a memory size looks like, for error messages. */
  public static final String MEMORY_FORMS = "a memory size like 512MiB, 4GiB, 4G or 2048 (MiB)";

  private Values() {}

  /**
   * Parses {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}, combinations such as
   * {@code 1h30m}, and ISO-8601 such as {@code PT30S}. Zero and negative ISO durations parse; the
   * records that use them reject what they cannot use.
   */
  public static Optional<Duration> duration(String text) {
    String value = text.strip();
    if (value.startsWith("P") || value.startsWith("p") || value.startsWith("-P")) {
      try {
        return Optional.of(Duration.parse(value));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    if (!DURATION.matcher(value).matches()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    Matcher part = DURATION_PART.matcher(value);
    try {
      while (part.find()) {
        total = total.plus(unit(Long.parseLong(part.group(1)), part.group(2)));
      }
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.of(total);
  }

  private static Duration unit(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /**
   * Parses a memory size into MiB: {@code 512MiB}, {@code 4GiB}, {@code 4G}, {@code 1.5GiB}, {@code
   * 1TiB}, or a plain number of MiB. Units are binary whatever their spelling ({@code GB} = {@code
   * GiB}). The result must be a whole number of MiB.
   */
  public static Optional<Long> memoryMib(String text) {
    Matcher m = MEMORY.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    double amount;
    try {
      amount = Double.parseDouble(m.group(1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    double mib =
        switch (m.group(2).isEmpty() ? 'm' : m.group(2).charAt(0)) {
          case 'k' -> amount / 1024;
          case 'g' -> amount * 1024;
          case 't' -> amount * 1024 * 1024;
          default -> amount;
        };
    if (mib != Math.rint(mib) || mib > Long.MAX_VALUE / 2) {
      return Optional.empty();
    }
    return Optional.of((long) mib);
  }

  /** Parses a decimal whole number that fits an {@code int}. */
  public static Optional<Integer> integer(String text) {
    String value = text.strip();
    if (!INTEGER.matcher(value).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Parses a finite decimal number ({@code 24}, {@code 0.5}, {@code 1e3}). */
  public static Optional<Double> number(String text) {
    String value = text.strip();
    if (!NUMBER.matcher(value).matches()) {
      return Optional.empty();
    }
    double parsed = Double.parseDouble(value);
    return Double.isFinite(parsed) ? Optional.of(parsed) : Optional.empty();
  }

  /** Parses {@code true}/{@code false}, also {@code yes}/{@code no} and {@code on}/{@code off}. */
  public static Optional<Boolean> bool(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> Optional.of(Boolean.TRUE);
      case "false", "no", "off" -> Optional.of(Boolean.FALSE);
      default -> Optional.empty();
    };
  }

  /** Formats a duration the way the configuration writes it ({@code 3m}, {@code 250ms}). */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    if (duration.isNegative() || duration.getNano() % 1_000_000 != 0) {
      return duration.toString();
    }
    long ms = duration.toMillis();
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
    String[] units = {"d", "h", "m", "s", "ms"};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < sizes.length; i++) {
      if (ms >= sizes[i]) {
        text.append(ms / sizes[i]).append(units[i]);
        ms %= sizes[i];
      }
    }
    return text.toString();
  }
}
