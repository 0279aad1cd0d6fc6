package org.relaxha.monitor.nagios;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.relaxha.monitor.nagios.status.ObjectStatus;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.SubjectId;

/**
 * Turns a Nagios state into an {@link Observation}: the status mapping, the authoritative flag
 * (HARD states), the detail line and the metrics.
 *
 * <p>Stateless and thread-safe.
 */
final class Observations {
  /** Metric: the numeric Nagios state. */
  static final String STATE = "nagios_state";

  /** Metric: 1 for a HARD state, 0 for SOFT. */
  static final String HARD = "nagios_hard";

  /** Metric: the check attempt. */
  static final String ATTEMPT = "nagios_attempt";

  /** Metric: when the check ran, in epoch seconds (identifies the Nagios result). */
  static final String LAST_CHECK = "nagios_last_check";

  /** Metric: seconds since the check ran. */
  static final String CHECK_AGE = "nagios_check_age_s";

  /** Metric: downtimes in effect. */
  static final String DOWNTIME = "nagios_downtime_depth";

  /** Metric: 1 if the problem is acknowledged. */
  static final String ACKNOWLEDGED = "nagios_acknowledged";

  private Observations() {}

  /** The RelaxHA status of a Nagios state. */
  static ObservedStatus status(boolean host, int state) {
    if (host) {
      return switch (state) {
        case 0 -> ObservedStatus.UP;
        case 1, 2 -> ObservedStatus.UNREACHABLE;
        default -> ObservedStatus.UNKNOWN;
      };
    }
    return switch (state) {
      case 0 -> ObservedStatus.UP;
      case 1 -> ObservedStatus.DEGRADED;
      case 2 -> ObservedStatus.FAILED;
      default -> ObservedStatus.UNKNOWN;
    };
  }

  /**
   * The observation of {@code s} about {@code subject}, made at {@code at}.
   *
   * @param pushed whether it came from an event (its flags are then unknown)
   */
  static Observation of(
      SubjectId subject, ObjectStatus s, Instant at, String source, boolean pushed) {
    long age = checkAge(s, at);
    return new Observation(
        subject,
        status(s.object().isHost(), s.state()),
        at,
        source,
        detail(s, age, pushed),
        metrics(s, age, pushed),
        s.hard());
  }

  /** Seconds between the check and {@code at}, never negative; -1 if never checked. */
  static long checkAge(ObjectStatus s, Instant at) {
    if (s.lastCheck() <= 0) {
      return -1;
    }
    return Math.max(0, Duration.between(Instant.ofEpochSecond(s.lastCheck()), at).toSeconds());
  }

  private static String detail(ObjectStatus s, long age, boolean pushed) {
    StringBuilder text = new StringBuilder(pushed ? "event: " : "");
    text.append(s.stateType()).append(' ').append(s.stateName());
    text.append(" (attempt ").append(s.attempt()).append('/').append(s.maxAttempts()).append(')');
    if (age >= 0) {
      text.append(", checked ").append(age).append(" s ago");
    }
    if (!pushed) {
      if (s.downtimeDepth() > 0) {
        text.append(", in downtime");
      }
      if (s.acknowledged()) {
        text.append(", acknowledged");
      }
      if (!s.activeChecks()) {
        text.append(", active checks disabled");
      }
    }
    if (!s.output().isEmpty()) {
      text.append(": ").append(s.output());
    }
    return text.toString();
  }

  private static Map<String, Double> metrics(ObjectStatus s, long age, boolean pushed) {
    Map<String, Double> m = new TreeMap<>();
    m.put(STATE, (double) s.state());
    m.put(HARD, s.hard() ? 1.0 : 0.0);
    m.put(ATTEMPT, (double) s.attempt());
    if (age >= 0) {
      m.put(CHECK_AGE, (double) age);
      m.put(LAST_CHECK, (double) s.lastCheck());
    }
    if (!pushed) {
      m.put(DOWNTIME, (double) s.downtimeDepth());
      m.put(ACKNOWLEDGED, s.acknowledged() ? 1.0 : 0.0);
    }
    return m;
  }
}
