package org.relaxha.core.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.relaxha.core.engine.Command;
import org.relaxha.core.engine.Decision;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.SubjectId;

/**
 * The controller at an instant: every subject's health and recovery step, the commands in flight,
 * the latest decisions, and anything an administrator should know (journal warnings, stuck adapter
 * calls, the safety valve).
 *
 * <p>Immutable and thread-safe.
 */
public record StatusSnapshot(
    Instant at,
    List<SubjectStatus> subjects,
    List<Command> inflight,
    List<Decision> recentDecisions,
    boolean valveTripped,
    long journalSequence,
    int stuckCalls,
    List<String> warnings) {

  /** Validates and copies. */
  public StatusSnapshot {
    Require.nonNull(at, "at");
    subjects = List.copyOf(subjects);
    inflight = List.copyOf(inflight);
    recentDecisions = List.copyOf(recentDecisions);
    warnings = List.copyOf(warnings);
  }

  /** The status of one subject, if it is configured. */
  public Optional<SubjectStatus> of(SubjectId subject) {
    return subjects.stream().filter(s -> s.subject().equals(subject)).findFirst();
  }
}
