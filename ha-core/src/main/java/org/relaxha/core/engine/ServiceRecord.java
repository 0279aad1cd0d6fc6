package org.relaxha.core.engine;

import java.time.Instant;
import java.util.Optional;
import org.relaxha.spi.Require;
import org.relaxha.spi.model.Health;
import org.relaxha.spi.model.ServiceId;

/**
 * The engine's hard state about one service.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the service
 * @param phase where it is in its recovery
 * @param health the last verdict about it
 * @param attempts restarts tried in this episode
 * @param pending the restart command awaited (0 if none)
 * @param deadline when the current wait ends
 * @param since when it entered its phase
 * @param reason why it is in its phase
 */
public record ServiceRecord(
    ServiceId id,
    ServicePhase phase,
    Health health,
    int attempts,
    long pending,
    Optional<Instant> deadline,
    Instant since,
    String reason) {

  /** Validates every field. */
  public ServiceRecord {
    Require.nonNull(id, "id");
    Require.nonNull(phase, "phase");
    Require.nonNull(health, "health");
    Require.nonNull(deadline, "deadline");
    Require.nonNull(since, "since");
    Require.nonNull(reason, "reason");
  }

  static ServiceRecord initial(ServiceId id, Instant now) {
    return new ServiceRecord(
        id, ServicePhase.HEALTHY, Health.UNKNOWN, 0, 0, Optional.empty(), now, "configured");
  }

  ServiceRecord with(ServicePhase next, Optional<Instant> until, String why, Instant now) {
    Instant entered = next == phase ? since : now;
    return new ServiceRecord(id, next, health, attempts, pending, until, entered, why);
  }

  ServiceRecord withHealth(Health value) {
    return new ServiceRecord(id, phase, value, attempts, pending, deadline, since, reason);
  }

  ServiceRecord withAttempts(int value) {
    return new ServiceRecord(id, phase, health, value, pending, deadline, since, reason);
  }

  ServiceRecord withPending(long value) {
    return new ServiceRecord(id, phase, health, attempts, value, deadline, since, reason);
  }
}
