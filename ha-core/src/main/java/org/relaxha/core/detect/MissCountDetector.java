package org.relaxha.core.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;

/**
 * Judges one subject from its observations and their absence. Each failed observation counts as a
 * miss, and so does each check interval without any observation (after half an interval of grace);
 * one miss makes the subject SUSPECT, {@code missThreshold} consecutive misses make it DOWN, and
 * one alive observation makes it UP again. An authoritative failure (a hypervisor reporting a
 * crash, a Nagios HARD state) makes it DOWN at once.
 *
 * <p>When its class uses phi accrual ({@link DetectionPolicy.Builder#phiAccrual}), silence is
 * judged by a {@link PhiAccrualDetector} instead of whole intervals: SUSPECT counts as one miss and
 * DOWN as {@code missThreshold}; failed observations count as before.
 *
 * <p>Not thread-safe; reads no clock.
 */
public final class MissCountDetector {
  private final CheckClass check;
  private final PhiSilence phi;
  private Instant lastSeen;
  private Instant incarnation = Instant.MIN;
  private int failures;
  private boolean authoritativeFailure;
  private boolean reachable = true;
  private boolean observed;
  private String lastDetail = "not observed yet";

  /** A detector whose silence is counted from {@code start}. */
  public MissCountDetector(CheckClass check, Instant start) {
    this(check, start, null);
  }

  MissCountDetector(CheckClass check, Instant start, PhiSilence phi) {
    this.check = check;
    this.lastSeen = start;
    this.phi = phi;
  }

  /**
   * Takes one observation; older than the newest one seen, or made before the subject's current
   * incarnation began ({@link #restart}), it is ignored.
   */
  public void observe(Observation o) {
    if (o.at().isBefore(lastSeen) && observed) {
      return;
    }
    if (o.at().isBefore(incarnation)) {
      return;
    }
    if (o.status() == ObservedStatus.UNKNOWN) {
      return;
    }
    lastSeen = o.at();
    observed = true;
    if (phi != null) {
      phi.seen(o.at());
    }
    lastDetail =
        o.source() + ": " + o.status() + (o.detail().isEmpty() ? "" : " (" + o.detail() + ")");
    if (o.status().isAlive()) {
      failures = 0;
      authoritativeFailure = false;
      reachable = true;
    } else {
      failures++;
      authoritativeFailure |= o.authoritative();
      reachable = o.status() == ObservedStatus.FAILED;
    }
  }

  /**
   * Forgets everything seen: the subject is a new incarnation (a VM started on another host) and
   * silence counts from {@code at}.
   */
  public void restart(Instant at) {
    incarnation = at;
    lastSeen = at;
    failures = 0;
    authoritativeFailure = false;
    reachable = true;
    observed = false;
    lastDetail = "restarted at " + at;
    if (phi != null) {
      phi.rebase(at);
    }
  }

  /** Restarts the silence count at {@code at} (after a monitoring source came back). */
  public void rebase(Instant at) {
    if (at.isAfter(lastSeen)) {
      lastSeen = at;
      if (phi != null) {
        phi.rebase(at);
      }
    }
  }

  /** The verdict at {@code now}, counting silence only if {@code expectObservations}. */
  public Health health(Instant now, boolean expectObservations) {
    int misses = failures + (expectObservations ? silentIntervals(now) : 0);
    if (authoritativeFailure || misses >= check.missThreshold()) {
      return Health.DOWN;
    }
    if (misses > 0) {
      return Health.SUSPECT;
    }
    return observed ? Health.UP : Health.UNKNOWN;
  }

  /** Whether the guest still answered (false after silence or an UNREACHABLE observation). */
  public boolean reachable(Instant now, boolean expectObservations) {
    return reachable && !(expectObservations && silentIntervals(now) > 0);
  }

  /** Why the detector judges as it does. */
  public String reason(Instant now, boolean expectObservations) {
    int silent = expectObservations ? silentIntervals(now) : 0;
    if (silent > 0) {
      return "no observation for "
          + Duration.between(lastSeen, now).toSeconds()
          + " s ("
          + silent
          + " missed check(s) of "
          + check.interval().toSeconds()
          + " s"
          + (phi != null ? "; " + phi.describe(now) : "")
          + ")"
          + (failures > 0 ? " after " + lastDetail : "");
    }
    return failures > 0 ? failures + " failed check(s): " + lastDetail : lastDetail;
  }

  /** The next instant at which silence alone would change the verdict, if any. */
  public Optional<Instant> nextChange(Instant now, boolean expectObservations) {
    if (!expectObservations || health(now, true) == Health.DOWN) {
      return Optional.empty();
    }
    if (phi != null) {
      return phi.next(now);
    }
    long interval = check.interval().toNanos();
    long after = interval * (silentIntervals(now) + 1L) + interval / 2;
    return Optional.of(lastSeen.plusNanos(after));
  }

  /**
   * The check intervals of silence since the last observation, after half an interval of grace:
   * {@code CheckClass.silenceFor} in whole nanoseconds (this runs for every subject after every
   * observation, and {@code Duration} division goes through {@code BigDecimal}).
   */
  private int silentIntervals(Instant now) {
    if (phi != null) {
      return phi.misses(now);
    }
    long silence = Duration.between(lastSeen, now).toNanos();
    long interval = check.interval().toNanos();
    long first = interval + interval / 2;
    if (silence < first) {
      return 0;
    }
    return (int) Math.min(Integer.MAX_VALUE, 1 + (silence - first) / interval);
  }
}
