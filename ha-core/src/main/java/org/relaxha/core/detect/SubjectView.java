package org.relaxha.core.detect;

import java.util.Optional;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.SubjectId;

/**
 * What detection knows about one subject, for the status view.
 *
 * <p>Immutable and thread-safe.
 *
 * @param subject the subject
 * @param raw the detector's own verdict
 * @param reported the verdict last reported to the engine
 * @param mutedBy the subject whose trouble holds this one's alarms, if any
 * @param reason why the detector judges as it does
 */
public record SubjectView(
    SubjectId subject, Health raw, Health reported, Optional<SubjectId> mutedBy, String reason) {
  /** Validates every field. */
  public SubjectView {
    Require.nonNull(subject, "subject");
    Require.nonNull(raw, "raw");
    Require.nonNull(reported, "reported");
    Require.nonNull(mutedBy, "mutedBy");
    Require.nonNull(reason, "reason");
  }
}
