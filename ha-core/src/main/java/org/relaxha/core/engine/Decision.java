package org.relaxha.core.engine;

import java.time.Instant;
import java.util.Optional;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.SubjectId;

/**
 * One thing the engine decided, with its reason: the audit trail and the status view show these.
 *
 * <p>Immutable and thread-safe.
 *
 * @param at the instant of the input that led to it
 * @param subject what it is about, if one subject
 * @param action a short verb phrase, e.g. {@code reboot}, {@code fence}, {@code ignore}
 * @param reason why
 */
public record Decision(Instant at, Optional<SubjectId> subject, String action, String reason) {
  /** Validates every field. */
  public Decision {
    Require.nonNull(at, "at");
    Require.nonNull(subject, "subject");
    Require.nonBlank(action, "action");
    Require.nonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return at + " " + subject.map(SubjectId::key).orElse("cluster") + " " + action + ": " + reason;
  }
}
