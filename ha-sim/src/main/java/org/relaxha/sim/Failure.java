package org.relaxha.sim;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.SubjectId;

/**
 * One scheduled failure.
 *
 * <p>Immutable and thread-safe.
 *
 * @param at when, from the start of the run
 * @param kind what happens
 * @param target to what (empty only for a controller restart)
 * @param lasting how long it lasts: the host is repaired (power or network back), fencing works
 *     again, flapping stops, the controller is down; empty means for the rest of the run
 * @param period for flapping, the time between two changes
 * @param latency for slow fencing, how long one fence takes
 * @param title how the lab names the incident; empty for the kind's own description
 * @param expect what papers report for this incident, by variant name
 */
public record Failure(
    Duration at,
    FailureKind kind,
    Optional<SubjectId> target,
    Optional<Duration> lasting,
    Duration period,
    Duration latency,
    String title,
    Map<String, Expectation> expect) {

  /** Validates every field. */
  public Failure {
    Require.nonNegative(at, "failure.at");
    Require.nonNull(kind, "failure.kind");
    Require.nonNull(target, "failure.target");
    Require.nonNull(lasting, "failure.lasting");
    lasting.ifPresent(d -> Require.nonNegative(d, "failure.for"));
    Require.positive(period, "failure.period");
    Require.nonNegative(latency, "failure.latency");
    Require.nonNull(title, "failure.title");
    expect =
        java.util.Collections.unmodifiableMap(
            new TreeMap<>(Require.nonNull(expect, "failure.expect")));
    if (kind.needsTarget() && target.isEmpty()) {
      throw new IllegalArgumentException("failure.target must be set for " + kind.label());
    }
    if (target.isPresent()
        && kind.targetKind().isPresent()
        && target.get().kind() != kind.targetKind().get()) {
      throw new IllegalArgumentException(
          "failure.target must be a "
              + kind.targetKind().get().name().toLowerCase(java.util.Locale.ROOT)
              + " for "
              + kind.label()
              + ", was "
              + target.get().key());
    }
  }

  /** A failure of {@code kind} on {@code target} at {@code at}, with default settings. */
  public static Failure of(Duration at, FailureKind kind, SubjectId target) {
    return new Failure(
        at,
        kind,
        Optional.ofNullable(target),
        Optional.empty(),
        Duration.ofSeconds(30),
        Duration.ofSeconds(90),
        "",
        Map.of());
  }

  /** A copy lasting {@code d}. */
  public Failure lasting(Duration d) {
    return new Failure(at, kind, target, Optional.of(d), period, latency, title, expect);
  }

  /** A copy with another period (flapping). */
  public Failure withPeriod(Duration d) {
    return new Failure(at, kind, target, lasting, d, latency, title, expect);
  }

  /** A copy with another fence latency. */
  public Failure withLatency(Duration d) {
    return new Failure(at, kind, target, lasting, period, d, title, expect);
  }

  /** A copy with a title. */
  public Failure titled(String text) {
    return new Failure(at, kind, target, lasting, period, latency, text, expect);
  }

  /** A copy with what a paper reports for the variant {@code variant}. */
  public Failure expecting(String variant, Expectation e) {
    Map<String, Expectation> more = new TreeMap<>(expect);
    more.put(variant, e);
    return new Failure(at, kind, target, lasting, period, latency, title, more);
  }

  /** The title, or the kind's description of the target. */
  public String describe() {
    return title.isBlank() ? kind.describe(target) : title;
  }
}
