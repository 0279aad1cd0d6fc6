package org.relaxha.core.detect;

import org.relaxha.spi.Require;

/**
 * Settings of the {@link PhiAccrualDetector}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param window inter-arrival samples kept per subject for the mean and standard deviation
 * @param suspectPhi SUSPECT once phi of the next heartbeat reaches it (8: a 1-in-10^8 late arrival)
 * @param downPhi DOWN once phi of the heartbeat after the tolerated losses reaches it
 * @param minStdFraction floor of the standard deviation, as a fraction of the mean interval (a
 *     perfectly regular source would otherwise make any delay infinitely suspicious)
 * @param minLosses fewest consecutive lost heartbeats tolerated before DOWN
 * @param maxLosses most consecutive lost heartbeats tolerated before DOWN
 * @param falseDownsPerDay the budget: the detector tolerates the fewest losses (between the two
 *     bounds) that keep false DOWN verdicts per subject and day under it, for the loss it has
 *     observed (a geometric model of loss bursts)
 */
public record PhiAccrual(
    int window,
    double suspectPhi,
    double downPhi,
    double minStdFraction,
    int minLosses,
    int maxLosses,
    double falseDownsPerDay) {

  /** Validates every field. */
  public PhiAccrual {
    Require.atLeast(window, 2, "phiAccrual.window");
    Require.inRange(suspectPhi, 0.5, 30, "phiAccrual.suspectPhi");
    Require.inRange(downPhi, 0.5, 30, "phiAccrual.downPhi");
    Require.inRange(minStdFraction, 0, 1, "phiAccrual.minStdFraction");
    Require.atLeast(minLosses, 0, "phiAccrual.minLosses");
    Require.atLeast(maxLosses, minLosses, "phiAccrual.maxLosses");
    Require.inRange(falseDownsPerDay, 1e-12, 1e6, "phiAccrual.falseDownsPerDay");
  }

  /**
   * 200 samples, SUSPECT at phi 8 (one heartbeat late beyond its jitter), DOWN at phi 8 after 1 to
   * 6 tolerated losses chosen for at most one false DOWN per subject in 1000 days, standard
   * deviation at least 1% of the interval.
   */
  public static PhiAccrual ofDefaults() {
    return new PhiAccrual(200, 8, 8, 0.01, 1, 6, 1e-3);
  }

  /** Fixed loss tolerance: DOWN after exactly {@code losses} lost heartbeats (plus jitter). */
  public PhiAccrual withLosses(int losses) {
    return new PhiAccrual(
        window, suspectPhi, downPhi, minStdFraction, losses, losses, falseDownsPerDay);
  }
}
