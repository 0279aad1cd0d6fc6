package org.relaxha.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.SubjectId;

/**
 * How one incident of a run went: when it started, the milestones of its recovery, how it ended,
 * and its timeline.
 *
 * <p>Immutable and thread-safe.
 *
 * @param number its position among the scenario's incidents, from 1
 * @param failure the failure that started it
 * @param at when it started
 * @param affected the subjects whose recovery it waits for (a failed host's VMs, the VM, the
 *     service)
 * @param phases the instant of each milestone reached
 * @param outcome how it ended
 * @param events its timeline
 */
public record IncidentResult(
    int number,
    Failure failure,
    Instant at,
    Set<SubjectId> affected,
    Map<Phase, Instant> phases,
    Outcome outcome,
    List<TimelineEvent> events) {

  /** How an incident ended. */
  public enum Outcome {
    /** Every affected subject is back and the controller said so. */
    RECOVERED,
    /** Back, but the controller had not yet seen it when the run ended. */
    BACK_UNVERIFIED,
    /** The controller gave up on an affected subject (and said so). */
    GAVE_UP,
    /** Not back when the run ended. */
    NOT_RECOVERED;

    /** The lower-case words used in tables and JSON. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  /** Validates and copies. */
  public IncidentResult {
    Require.nonNull(failure, "failure");
    Require.nonNull(at, "at");
    affected = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(affected));
    Map<Phase, Instant> copy = new EnumMap<>(Phase.class);
    copy.putAll(phases);
    phases = java.util.Collections.unmodifiableMap(copy);
    Require.nonNull(outcome, "outcome");
    events = List.copyOf(events);
  }

  /** How long after the start of the incident {@code phase} was reached. */
  public Optional<Duration> offset(Phase phase) {
    return Optional.ofNullable(phases.get(phase)).map(t -> Duration.between(at, t));
  }

  /** The recovery time (the failure until every affected subject is back), if it came back. */
  public Optional<Duration> recovery() {
    return offset(Phase.BACK);
  }

  /** The incident's title. */
  public String title() {
    return failure.describe();
  }
}
