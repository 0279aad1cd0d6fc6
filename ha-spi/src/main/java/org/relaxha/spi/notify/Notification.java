package org.relaxha.spi.notify;

import java.time.Instant;
import java.util.Optional;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.SubjectId;

/**
 * A message for the administrators.
 *
 * <p>Immutable and thread-safe.
 *
 * @param severity how urgent
 * @param subject what it is about, if one subject
 * @param title a one-line summary
 * @param message the explanation, with the reason for what was done
 * @param at when the engine decided to send it
 */
public record Notification(
    Severity severity, Optional<SubjectId> subject, String title, String message, Instant at) {
  /** Validates every field. */
  public Notification {
    Require.nonNull(severity, "notification.severity");
    Require.nonNull(subject, "notification.subject");
    Require.nonBlank(title, "notification.title");
    Require.nonNull(message, "notification.message");
    Require.nonNull(at, "notification.at");
  }
}
