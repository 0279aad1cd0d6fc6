package org.relaxha.spi.model;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.relaxha.spi.Require;

/**
 * One piece of evidence about a subject: a check result, a heartbeat, a hypervisor event.
 *
 * <p>Immutable and thread-safe.
 *
 * @param subject what was observed
 * @param status what the source concluded
 * @param at when the source made the observation (not when it was delivered)
 * @param source the name of the monitor that made it, for the audit trail
 * @param detail a short human-readable explanation (plugin output, event name)
 * @param metrics numeric values that came with it ({@code load_five}, {@code mem_free}...); see
 *     {@link #LOAD_FIVE}
 * @param authoritative true when the source is certain and debounced already (a hypervisor
 *     reporting a crash, a Nagios HARD state): a failing authoritative observation makes the
 *     subject DOWN at once instead of after the miss threshold
 */
public record Observation(
    SubjectId subject,
    ObservedStatus status,
    Instant at,
    String source,
    String detail,
    Map<String, Double> metrics,
    boolean authoritative) {

  /** The metric name placement reads as the 5-minute load average (Ganglia's name). */
  public static final String LOAD_FIVE = "load_five";

  /** Validates every field and copies the metrics. */
  public Observation {
    Require.nonNull(subject, "observation.subject");
    Require.nonNull(status, "observation.status");
    Require.nonNull(at, "observation.at");
    Require.nonBlank(source, "observation.source");
    Require.nonNull(detail, "observation.detail");
    metrics = Map.copyOf(new TreeMap<>(Require.nonNull(metrics, "observation.metrics")));
  }

  /** A non-authoritative observation without metrics. */
  public static Observation of(
      SubjectId subject, ObservedStatus status, Instant at, String source, String detail) {
    return new Observation(subject, status, at, source, detail, Map.of(), false);
  }

  /** A copy carrying these metrics. */
  public Observation withMetrics(Map<String, Double> values) {
    return new Observation(subject, status, at, source, detail, values, authoritative);
  }

  /** A copy marked authoritative. */
  public Observation asAuthoritative() {
    return new Observation(subject, status, at, source, detail, metrics, true);
  }
}
