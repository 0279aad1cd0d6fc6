package org.relaxha.sim;

import java.time.Instant;
import java.util.Optional;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.SubjectId;

/**
 * One line of an incident's timeline: the failure, a verdict, a decision of the engine, a command,
 * or a ground-truth change.
 *
 * <p>Immutable and thread-safe.
 *
 * @param at when, in virtual time
 * @param label a short word: {@code failure}, {@code suspect}, {@code detect}, {@code mute}, {@code
 *     fence}, {@code fenced}, {@code place}, {@code boot}, {@code back}, {@code verified}, or
 *     another engine decision ({@code skip REBOOT}, {@code give up}...)
 * @param subject what it is about, if one subject
 * @param detail the reason or description
 */
public record TimelineEvent(Instant at, String label, Optional<SubjectId> subject, String detail) {
  /** Validates every field. */
  public TimelineEvent {
    Require.nonNull(at, "at");
    Require.nonBlank(label, "label");
    Require.nonNull(subject, "subject");
    Require.nonNull(detail, "detail");
  }
}
