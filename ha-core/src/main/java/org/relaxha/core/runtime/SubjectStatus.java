package org.relaxha.core.runtime;

import java.time.Instant;
import java.util.Optional;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.policy.Rung;

/**
 * One subject in the status view.
 *
 * <p>Immutable and thread-safe.
 *
 * @param subject the host, VM or service
 * @param health the verdict the engine acts on
 * @param detector the detector's own verdict (differs while muted)
 * @param mutedBy the subject whose trouble holds this one's alarms
 * @param phase where it is in its recovery (engine phase name)
 * @param rung the highest ladder rung tried in the current episode (VMs)
 * @param location where a VM may run
 * @param deadline when the current wait ends
 * @param since when it entered its phase
 * @param reason why it is where it is
 */
public record SubjectStatus(
    SubjectId subject,
    Health health,
    Health detector,
    Optional<SubjectId> mutedBy,
    String phase,
    Optional<Rung> rung,
    Optional<HostId> location,
    Optional<Instant> deadline,
    Instant since,
    String reason) {
  /** Validates every field. */
  public SubjectStatus {
    Require.nonNull(subject, "subject");
    Require.nonNull(health, "health");
    Require.nonNull(detector, "detector");
    Require.nonNull(mutedBy, "mutedBy");
    Require.nonNull(phase, "phase");
    Require.nonNull(rung, "rung");
    Require.nonNull(location, "location");
    Require.nonNull(deadline, "deadline");
    Require.nonNull(since, "since");
    Require.nonNull(reason, "reason");
  }
}
