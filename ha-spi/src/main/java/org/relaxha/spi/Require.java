package org.relaxha.spi;

import java.time.Duration;

/**
 * Argument checks for value records and builders. Every failure names the field, so a broken
 * configuration or a wrong builder call says exactly what to fix.
 *
 * <p>Stateless and thread-safe.
 */
public final class Require {
  private Require() {}

  /**
   * Returns {@code value}, or throws {@link NullPointerException} naming {@code field}. A plain
   * test, not {@code Objects.requireNonNull} with a message supplier: every record constructor
   * calls it, and the supplier, a lambda capturing {@code field}, was allocated on each call the
   * compiler did not inline (1.8% of the bytes one engine step allocates).
   */
  public static <T> T nonNull(T value, String field) {
    if (value == null) {
      throw new NullPointerException(field + " must not be null");
    }
    return value;
  }

  /** Returns {@code value} if it has a non-blank character; otherwise throws naming the field. */
  public static String nonBlank(String value, String field) {
    nonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  /** Returns {@code value} if it is strictly positive; otherwise throws naming the field. */
  public static Duration positive(Duration value, String field) {
    nonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is zero or positive; otherwise throws naming the field. */
  public static Duration nonNegative(Duration value, String field) {
    nonNull(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative, was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is at least {@code min}; otherwise throws naming the field. */
  public static int atLeast(int value, int min, String field) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is at least {@code min}; otherwise throws naming the field. */
  public static long atLeast(long value, long min, String field) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is finite and at least {@code min}; otherwise throws. */
  public static double atLeast(double value, double min, String field) {
    if (!Double.isFinite(value) || value < min) {
      throw new IllegalArgumentException(
          field + " must be a finite number >= " + min + ", was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it lies in [{@code min}, {@code max}]; otherwise throws. */
  public static double inRange(double value, double min, double max, String field) {
    if (!Double.isFinite(value) || value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be in [" + min + ", " + max + "], was " + value);
    }
    return value;
  }
}
