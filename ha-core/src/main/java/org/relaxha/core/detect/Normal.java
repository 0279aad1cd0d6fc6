package org.relaxha.core.detect;

/**
 * The standard normal tail in log form, accurate far into the tail: what phi accrual needs, since
 * {@code phi = -log10 P_later} reaches 8 and more where the tail itself is about {@code 1e-8}.
 */
final class Normal {
  private static final double LN10 = Math.log(10);
  private static final double[] ERFC = {
    -1.26551223,
    1.00002368,
    0.37409196,
    0.09678418,
    -0.18628806,
    0.27886807,
    -1.13520398,
    1.48851587,
    -0.82215223,
    0.17087277
  };

  private Normal() {}

  /**
   * {@code ln Q(y)}, where {@code Q(y) = P(Y > y)} for a standard normal {@code Y}. Uses the
   * Chebyshev fit of {@code erfc} in Numerical Recipes (fractional error under 1.2e-7 everywhere),
   * which is already in exponential form, so the log never underflows.
   */
  static double logTail(double y) {
    if (y < 0) {
      return Math.log1p(-Math.exp(logTail(-y)));
    }
    double z = y / Math.sqrt(2);
    double t = 1 / (1 + 0.5 * z);
    double poly = 0;
    for (int i = ERFC.length - 1; i >= 0; i--) {
      poly = poly * t + ERFC[i];
    }
    poly -= z * z;
    // erfc(z) = t * exp(poly); Q(y) = erfc(z) / 2.
    return Math.log(t) + poly - Math.log(2);
  }

  /** {@code phi = -log10 Q(y)}. */
  static double phi(double y) {
    return -logTail(y) / LN10;
  }

  /** The {@code y} at which {@link #phi} reaches {@code threshold} (phi grows with y). */
  static double quantileOfPhi(double threshold) {
    double lo = -40;
    double hi = 40;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (phi(mid) < threshold) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }
}
