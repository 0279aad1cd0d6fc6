package org.relaxha.core.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Silence judged by phi accrual, for a {@link MissCountDetector} whose class uses it: one slot of a
 * board's {@link PhiAccrualDetector}. SUSPECT counts as one missed check, DOWN as the class's miss
 * threshold.
 *
 * <p>Not thread-safe.
 */
final class PhiSilence {
  private final PhiAccrualDetector phi;
  private final int slot;
  private final Instant origin;
  private final int downMisses;

  PhiSilence(PhiAccrualDetector phi, int slot, Instant origin, int downMisses) {
    this.phi = phi;
    this.slot = slot;
    this.origin = origin;
    this.downMisses = downMisses;
  }

  private long nanos(Instant at) {
    return Duration.between(origin, at).toNanos();
  }

  void seen(Instant at) {
    phi.heartbeat(slot, nanos(at));
  }

  void rebase(Instant at) {
    phi.rebase(slot, nanos(at));
  }

  int misses(Instant now) {
    long t = nanos(now);
    if (t >= phi.downAt(slot)) {
      return downMisses;
    }
    return t >= phi.suspectAt(slot) ? 1 : 0;
  }

  Optional<Instant> next(Instant now) {
    long t = nanos(now);
    if (t < phi.suspectAt(slot)) {
      return Optional.of(origin.plusNanos(phi.suspectAt(slot)));
    }
    if (t < phi.downAt(slot)) {
      return Optional.of(origin.plusNanos(phi.downAt(slot)));
    }
    return Optional.empty();
  }

  String describe(Instant now) {
    return String.format(
        java.util.Locale.ROOT,
        "phi %.1f; mean interval %.1f s, sd %.2f s; DOWN after %d lost heartbeat(s)",
        phi.phi(slot, nanos(now)),
        phi.mean(slot) / 1e9,
        phi.standardDeviation(slot) / 1e9,
        phi.toleratedLosses(slot));
  }
}
