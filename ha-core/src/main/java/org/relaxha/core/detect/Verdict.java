package org.relaxha.core.detect;

import java.time.Instant;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.SubjectId;

/**
 * A change of a subject's health as the detection board reports it to the engine (after muting).
 *
 * <p>Immutable and thread-safe.
 *
 * @param guestReachable for a VM: whether its guest still answered when it was judged
 */
public record Verdict(
    SubjectId subject, Health health, boolean guestReachable, String reason, Instant at) {
  /** Validates every field. */
  public Verdict {
    Require.nonNull(subject, "subject");
    Require.nonNull(health, "health");
    Require.nonNull(reason, "reason");
    Require.nonNull(at, "at");
  }
}
